using Provisioner.Core.Templates.Values;

namespace Provisioner.Core.Templates;

/// <summary>Parses <c>components:</c>: kind, image, command, port, env, volumes, secrets, data, dependencies, shares, checks and confinement.</summary>
internal static class ComponentParser
{
    private static readonly string[] Keys =
    [
        "kind", "image", "command", "port", "entry", "env", "volumes", "secrets", "dependsOn", "health", "share", "data", "egress",
        .. SecurityParser.Keys, .. HostileKeys.Names,
    ];

    public static IReadOnlyList<ComponentSpec> ParseAll(YamlCursor components, IReadOnlySet<string> declaredSecrets, TemplateRules rules)
    {
        var parsed = new List<(ComponentSpec Spec, YamlCursor Cursor)>();
        foreach (var (name, c) in components.Entries(required: true))
        {
            if (!TemplateParser.PartPattern().IsMatch(name))
            {
                c.Error("component names must be lowercase letters and digits, starting with a letter, at most 12 characters");
            }
            else if (TemplateValues.Reserved.Contains(name))
            {
                c.Error($"'{name}' is reserved (values start with it: ${{{name}.…}})");
            }

            parsed.Add((Parse(name, c, declaredSecrets, rules), c));
        }

        if (!components.IsMissing && parsed.Count == 0)
        {
            components.Error("must declare at least one component");
        }

        ComponentRules.Check(components, parsed, rules);
        return DependencyOrder.Sort(parsed.Select(p => p.Spec).ToList());
    }

    private static ComponentSpec Parse(string name, YamlCursor c, IReadOnlySet<string> declaredSecrets, TemplateRules rules)
    {
        c.OnlyKeys(Keys);
        HostileKeys.Refuse(c);
        var kind = Kind(c.Child("kind"));
        var image = c.Child("image").String(required: true) ?? "";
        var command = c.Child("command").IsMissing ? null : c.Child("command").StringList();
        if (command is { Count: 0 })
        {
            c.Child("command").Error("must be a non-empty list, e.g. [\"/app/server\", \"--port\", \"8080\"]");
        }

        var port = Port(c.Child("port"));
        var entry = Bool(c.Child("entry"));
        var volumes = SecurityParser.RefuseVolumeList(c.Child("volumes")) ? new Dictionary<string, string>() : c.Child("volumes").StringMap();
        foreach (var (volume, path) in volumes)
        {
            if (HostileKeys.IsEngineSocket(volume) || HostileKeys.IsEngineSocket(path))
            {
                continue; // reported by the engine socket check
            }

            if (HostileKeys.IsHostPath(volume))
            {
                c.Child("volumes").Child(volume).Error(HostileKeys.HostPathProblem(volume));
            }
            else if (!TemplateParser.PartPattern().IsMatch(volume))
            {
                c.Child("volumes").Child(volume).Error("volume names must be lowercase letters and digits, starting with a letter, at most 12 characters");
            }

            if (MountPath.Problem(path) is { } problem)
            {
                c.Child("volumes").Child(volume).Error(problem);
            }
        }

        var secrets = c.Child("secrets").StringList();
        foreach (var s in secrets.Where(s => !declaredSecrets.Contains(s)))
        {
            c.Child("secrets").Error($"'{s}' is not declared in the top-level secrets list");
        }

        var share = c.Child("share");
        share.OnlyKeys("cpu", "memory");
        var data = DataParser.Parse(c.Child("data"), volumes, rules);
        var health = HealthCheckParser.ParseAll(name, c.Child("health"));
        return new ComponentSpec(
            name, kind, image, command, port, entry, c.Child("env").StringMap(), volumes, secrets, c.Child("dependsOn").StringList(), health,
            Share(share.Child("cpu")) ?? 0, Share(share.Child("memory")) ?? 0, data)
        {
            Security = SecurityParser.Parse(c, volumes),
            Egress = Egress(c.Child("egress")),
        };
    }

    private static ComponentKind Kind(YamlCursor cursor) => cursor.String() switch
    {
        null or "service" => ComponentKind.Service,
        "worker" => ComponentKind.Worker,
        var other => Invalid(cursor, $"'{other}' is not a component kind (service, worker; one-off steps go under jobs:)"),
    };

    private static ComponentKind Invalid(YamlCursor cursor, string message)
    {
        cursor.Error(message);
        return ComponentKind.Service;
    }

    /// <summary><c>egress:</c> is the reason the component needs a route out; an empty one is refused.</summary>
    private static string? Egress(YamlCursor cursor)
    {
        if (cursor.IsMissing)
        {
            return null;
        }

        var reason = cursor.String()?.Trim();
        if (string.IsNullOrEmpty(reason) || reason is "true" or "false")
        {
            cursor.Error("must state why the component needs a route out of its tenant, e.g. egress: \"sends mail through the customer's SMTP\"");
            return null;
        }

        return reason;
    }

    internal static int? Port(YamlCursor cursor)
    {
        var number = cursor.Number();
        if (number is null)
        {
            return null;
        }

        if (number is < 1 or > 65535 || number % 1 != 0)
        {
            cursor.Error("must be a port number, 1-65535");
            return null;
        }

        return (int)number.Value;
    }

    internal static bool Bool(YamlCursor cursor) => cursor.String() switch
    {
        null or "false" => false,
        "true" => true,
        var other => Fail(cursor, $"must be true or false, got '{other}'"),
    };

    private static bool Fail(YamlCursor cursor, string message)
    {
        cursor.Error(message);
        return false;
    }

    private static double? Share(YamlCursor cursor)
    {
        var value = cursor.Number();
        if (value is <= 0 or > 1)
        {
            cursor.Error("must be a fraction of the size, more than 0 and at most 1");
            return null;
        }

        return value;
    }
}
