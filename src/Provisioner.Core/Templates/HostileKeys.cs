using YamlDotNet.RepresentationModel;

namespace Provisioner.Core.Templates;

/// <summary>
/// Keys other container tools know that would let a tenant out of its container: recognised here only to be refused
/// with the reason and the path (never "unknown key", which would invite a spelling fix). Also the engine socket,
/// which must not appear anywhere in a component or job, and host paths where a volume belongs.
/// </summary>
internal static class HostileKeys
{
    /// <summary>Keys that are refused (with a reason) rather than reported as unknown.</summary>
    public static readonly string[] Names =
        ["privileged", "network", "networkMode", "network_mode", "pid", "ipc", "userns", "devices", "capAdd", "cap_add", "securityOpt", "security_opt"];

    private static readonly string[] EngineSockets = ["docker.sock", "containerd.sock", "podman.sock"];

    /// <summary>Reports every hostile key present under <paramref name="c"/> (a component or a job).</summary>
    public static void Refuse(YamlCursor c)
    {
        var privileged = c.Child("privileged");
        if (!privileged.IsMissing && (privileged.Node as YamlScalarNode)?.Value != "false")
        {
            privileged.Error("privileged containers are not allowed: one gets every capability and every device of the engine host");
        }

        foreach (var key in new[] { "network", "networkMode", "network_mode", "pid", "ipc", "userns" })
        {
            var value = c.Child(key);
            if (value.IsMissing)
            {
                continue;
            }

            var text = (value.Node as YamlScalarNode)?.Value;
            value.Error(text == "host"
                ? $"{key}: host is not allowed: it shares the engine host's {Namespace(key)} with the tenant"
                : $"{key} is chosen by provision, never by a template (each tenant gets namespaces and networks of its own)");
        }

        var devices = c.Child("devices");
        if (!devices.IsMissing)
        {
            devices.Error("devices are not allowed: a host device inside a tenant's container reaches past its isolation");
        }

        foreach (var key in new[] { "capAdd", "cap_add" })
        {
            var list = c.Child(key);
            if (list.IsMissing)
            {
                continue;
            }

            var refused = false;
            foreach (var item in list.Items())
            {
                if (item.String() is { } name && Capabilities.Problem(Capabilities.Normalize(name)) is { } problem)
                {
                    item.Error(problem);
                    refused = true;
                }
            }

            if (!refused)
            {
                list.Error("is spelled capabilities: in a template (capabilities: [CHOWN, SETUID])");
            }
        }

        foreach (var key in new[] { "securityOpt", "security_opt" })
        {
            var value = c.Child(key);
            if (!value.IsMissing)
            {
                value.Error("security options are set by provision (no-new-privileges, the engine's default seccomp and AppArmor profiles); a template cannot loosen them");
            }
        }

        EngineSocket(c);
    }

    /// <summary>Reports the engine socket wherever it appears (a key or a value, at any depth): it is root on the engine host.</summary>
    public static void EngineSocket(YamlCursor c)
    {
        switch (c.Node)
        {
            case YamlMappingNode:
                foreach (var (key, value) in c.Entries())
                {
                    if (IsEngineSocket(key))
                    {
                        value.Error($"'{key}' is the engine's socket: it is never mounted or named in a tenant (whoever reaches it is root on the engine host)");
                    }
                    else
                    {
                        EngineSocket(value);
                    }
                }

                break;
            case YamlSequenceNode:
                foreach (var item in c.Items())
                {
                    EngineSocket(item);
                }

                break;
            case YamlScalarNode { Value: { } text } when IsEngineSocket(text):
                c.Error($"'{text}' names the engine's socket: it is never mounted or named in a tenant (whoever reaches it is root on the engine host)");
                break;
        }
    }

    public static bool IsEngineSocket(string text) => EngineSockets.Any(s => text.Contains(s, StringComparison.OrdinalIgnoreCase));

    /// <summary>A volume source that is a path on the engine host (<c>/srv</c>, <c>./data</c>, <c>~/x</c>) rather than a volume's name.</summary>
    public static bool IsHostPath(string source) =>
        source.StartsWith('/') || source.StartsWith('.') || source.StartsWith('~') || source.Contains('/', StringComparison.Ordinal);

    public static string HostPathProblem(string source) =>
        $"'{source}' is a path on the engine host: tenants get named volumes only (name: /path/in/container), so no tenant reads or writes the host's files";

    private static string Namespace(string key) => key switch
    {
        "pid" => "processes",
        "ipc" => "shared memory",
        "userns" => "user ids",
        _ => "network",
    };
}
