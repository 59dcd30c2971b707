using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Provisioner.Core.Templates;

/// <summary>Parses a component's confinement: <c>capabilities</c>, <c>tmpfs</c>, <c>user</c>, <c>pids</c> (see <see cref="SecuritySpec"/>).</summary>
internal static partial class SecurityParser
{
    public static readonly string[] Keys = ["capabilities", "tmpfs", "user", "pids"];

    private const int MaxPidsLimit = 32768;

    public static SecuritySpec Parse(YamlCursor c, IReadOnlyDictionary<string, string> volumes)
    {
        var capabilities = new List<string>();
        foreach (var item in c.Child("capabilities").Items())
        {
            if (item.String(required: true) is not { } name)
            {
                continue;
            }

            var normalized = Capabilities.Normalize(name);
            if (Capabilities.Problem(normalized) is { } problem)
            {
                item.Error(problem);
            }
            else if (!capabilities.Contains(normalized))
            {
                capabilities.Add(normalized);
            }
        }

        var tmpfs = new List<string>();
        foreach (var item in c.Child("tmpfs").Items())
        {
            if (item.String(required: true) is not { } path)
            {
                continue;
            }

            if (MountPath.Problem(path) is { } problem)
            {
                item.Error(problem);
            }
            else if (path == Stamps.StampBuilder.SecretsDirectory)
            {
                item.Error($"{path} is where provision delivers the component's secrets (on a tmpfs of its own); choose another path");
            }
            else if (volumes.Values.Contains(path))
            {
                item.Error($"{path} is a volume's mount path; a path is either a volume (kept) or a tmpfs (lost at every restart)");
            }
            else if (tmpfs.Contains(path))
            {
                item.Error($"{path} is listed twice");
            }
            else
            {
                tmpfs.Add(path);
            }
        }

        var user = c.Child("user").String();
        if (user is not null && !UserPattern().IsMatch(user))
        {
            c.Child("user").Error($"'{user}' is not a user: a uid, uid:gid or a name from the image (10001:10001, postgres)");
            user = null;
        }

        return new SecuritySpec(capabilities, tmpfs, user, Pids(c.Child("pids")) ?? SecuritySpec.DefaultPidsLimit);
    }

    /// <summary>Compose-style <c>volumes: ["/host:/in/container"]</c>: each host path refused by name; true when it was a list.</summary>
    public static bool RefuseVolumeList(YamlCursor volumes)
    {
        if (volumes.Node is not YamlSequenceNode)
        {
            return false;
        }

        foreach (var item in volumes.Items())
        {
            var source = item.String(required: true)?.Split(':')[0] ?? "";
            if (HostileKeys.IsEngineSocket(source))
            {
                continue; // reported by the engine socket check
            }

            item.Error(HostileKeys.IsHostPath(source)
                ? HostileKeys.HostPathProblem(source)
                : "volumes is a mapping of volume name to path in the container (volumes: { data: /var/lib/data })");
        }

        return true;
    }

    private static int? Pids(YamlCursor cursor)
    {
        var value = cursor.Number();
        if (value is null)
        {
            return null;
        }

        if (value is < 16 or > MaxPidsLimit || value % 1 != 0)
        {
            cursor.Error($"must be a whole number of processes, 16-{MaxPidsLimit} (default {SecuritySpec.DefaultPidsLimit})");
            return null;
        }

        return (int)value.Value;
    }

    [GeneratedRegex(@"^([0-9]{1,10}|[a-z_][a-z0-9_.-]{0,31})(:([0-9]{1,10}|[a-z_][a-z0-9_.-]{0,31}))?$")]
    private static partial Regex UserPattern();
}
