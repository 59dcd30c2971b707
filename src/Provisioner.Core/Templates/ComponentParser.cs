namespace Provisioner.Core.Templates;

/// <summary>Parses <c>components:</c>: images, ports, volumes, secrets, dependencies, shares and health checks.</summary>
internal static class ComponentParser
{
    public static IReadOnlyList<ComponentSpec> ParseAll(YamlCursor components, IReadOnlySet<string> declaredSecrets, IReadOnlySet<string> knownJourneys)
    {
        var parsed = new List<(ComponentSpec Spec, YamlCursor Cursor)>();
        foreach (var (name, c) in components.Entries(required: true))
        {
            if (!TemplateParser.PartPattern().IsMatch(name))
            {
                c.Error("component names must be lowercase letters and digits, starting with a letter, at most 12 characters");
            }
            else if (name == "migrate")
            {
                c.Error("'migrate' is reserved for the migration job's container");
            }

            parsed.Add((Parse(name, c, declaredSecrets, knownJourneys), c));
        }

        if (!components.IsMissing && parsed.Count == 0)
        {
            components.Error("must declare at least one component");
        }

        CheckRelations(components, parsed);
        return Order(parsed.Select(p => p.Spec).ToList());
    }

    private static ComponentSpec Parse(string name, YamlCursor c, IReadOnlySet<string> declaredSecrets, IReadOnlySet<string> knownJourneys)
    {
        c.OnlyKeys("image", "port", "env", "volumes", "secrets", "dependsOn", "health", "share");
        var image = c.Child("image").String(required: true) ?? "";
        int? port = null;
        var portNumber = c.Child("port").Number();
        if (portNumber is not null)
        {
            if (portNumber is < 1 or > 65535 || portNumber % 1 != 0)
            {
                c.Child("port").Error("must be 1-65535");
            }
            else
            {
                port = (int)portNumber.Value;
            }
        }

        var volumes = c.Child("volumes").StringMap();
        foreach (var (volume, path) in volumes)
        {
            if (!TemplateParser.PartPattern().IsMatch(volume))
            {
                c.Child("volumes").Child(volume).Error("volume names must be lowercase letters and digits, starting with a letter, at most 12 characters");
            }

            if (!path.StartsWith('/'))
            {
                c.Child("volumes").Child(volume).Error($"mount path '{path}' must be absolute");
            }
        }

        var secrets = c.Child("secrets").StringList();
        foreach (var s in secrets.Where(s => !declaredSecrets.Contains(s)))
        {
            c.Child("secrets").Error($"'{s}' is not declared in the top-level secrets list");
        }

        var share = c.Child("share");
        share.OnlyKeys("cpu", "memory");
        var cpuShare = Share(share.Child("cpu"));
        var memoryShare = Share(share.Child("memory"));
        var health = HealthCheckParser.ParseAll(name, c.Child("health"), knownJourneys);
        return new ComponentSpec(
            name, image, port, c.Child("env").StringMap(), volumes, secrets, c.Child("dependsOn").StringList(), health,
            cpuShare ?? 0, memoryShare ?? 0);
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

    private static void CheckRelations(YamlCursor components, List<(ComponentSpec Spec, YamlCursor Cursor)> parsed)
    {
        var names = parsed.Select(p => p.Spec.Name).ToHashSet();
        foreach (var (spec, cursor) in parsed)
        {
            foreach (var dep in spec.DependsOn.Where(d => !names.Contains(d)))
            {
                cursor.Child("dependsOn").Error($"'{dep}' is not a component ({string.Join(", ", names)})");
            }
        }

        if (parsed.Count(p => p.Spec.Port is not null) > 1)
        {
            components.Error("at most one component may publish a port (the tenant's entry point)");
        }

        if (HasCycle(parsed.Select(p => p.Spec).ToList()))
        {
            components.Error("dependsOn has a cycle");
        }

        ShareBudget(components, parsed, "cpu", p => p.CpuShare);
        ShareBudget(components, parsed, "memory", p => p.MemoryShare);
    }

    private static void ShareBudget(YamlCursor components, List<(ComponentSpec Spec, YamlCursor Cursor)> parsed, string what, Func<ComponentSpec, double> share)
    {
        var total = parsed.Sum(p => share(p.Spec));
        if (total > 1.0001)
        {
            components.Error($"the components' share.{what} add up to {total:0.##}; they must add up to at most 1");
        }
    }

    private static bool HasCycle(List<ComponentSpec> specs)
    {
        var byName = specs.GroupBy(s => s.Name).ToDictionary(g => g.Key, g => g.First());
        var state = new Dictionary<string, int>();
        bool Visit(string n)
        {
            if (state.TryGetValue(n, out var s))
            {
                return s == 1;
            }

            state[n] = 1;
            var cyclic = byName.TryGetValue(n, out var spec) && spec.DependsOn.Any(Visit);
            state[n] = 2;
            return cyclic;
        }

        return specs.Any(s => Visit(s.Name));
    }

    /// <summary>Dependencies first, otherwise declaration order (stable).</summary>
    private static IReadOnlyList<ComponentSpec> Order(List<ComponentSpec> specs)
    {
        if (HasCycle(specs))
        {
            return specs;
        }

        var done = new List<ComponentSpec>();
        var byName = specs.GroupBy(s => s.Name).ToDictionary(g => g.Key, g => g.First());
        void Add(ComponentSpec s)
        {
            if (done.Contains(s))
            {
                return;
            }

            foreach (var d in s.DependsOn)
            {
                if (byName.TryGetValue(d, out var dep))
                {
                    Add(dep);
                }
            }

            done.Add(s);
        }

        specs.ForEach(Add);
        return done;
    }
}
