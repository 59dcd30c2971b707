using Provisioner.Core.Templates.Values;

namespace Provisioner.Core.Templates;

/// <summary>The rules between components: references, the one entry, checks every long-running component needs, values, shares.</summary>
internal static class ComponentRules
{
    public static void Check(YamlCursor components, List<(ComponentSpec Spec, YamlCursor Cursor)> parsed, TemplateRules rules)
    {
        var specs = parsed.Select(p => p.Spec).ToList();
        var names = specs.Select(s => s.Name).ToHashSet();
        foreach (var (spec, cursor) in parsed)
        {
            foreach (var dep in spec.DependsOn.Where(d => !names.Contains(d)))
            {
                cursor.Child("dependsOn").Error($"'{dep}' is not a component ({string.Join(", ", names)})");
            }

            CheckShape(spec, cursor);
            CheckHealth(spec, cursor, rules);
            CheckValues(spec, cursor, specs);
        }

        var entries = specs.Where(s => s.IsEntry).Select(s => s.Name).ToList();
        if (entries.Count > 1)
        {
            components.Error($"only one component can be the tenant's entry (entry: true on {string.Join(", ", entries)})");
        }

        if (DependencyOrder.Cycle(specs) is { } cycle)
        {
            components.Error($"dependsOn has a cycle: {cycle}");
        }

        ShareBudget(components, specs, "cpu", p => p.CpuShare);
        ShareBudget(components, specs, "memory", p => p.MemoryShare);
    }

    private static void CheckShape(ComponentSpec spec, YamlCursor cursor)
    {
        if (spec.Kind == ComponentKind.Worker && spec.Port is not null)
        {
            cursor.Child("port").Error("a worker serves no requests, so it has no port (make it kind: service)");
        }

        if (spec.IsEntry && spec.Port is null)
        {
            cursor.Child("entry").Error("the entry needs the port its requests go to (port: 8080)");
        }
    }

    private static void CheckHealth(ComponentSpec spec, YamlCursor cursor, TemplateRules rules)
    {
        if (spec.Health.Count == 0)
        {
            cursor.Child("health").Error(
                $"{spec.Name} runs all the time, so it needs at least one check (http, tcp, exec{(spec.Data is null ? "" : ", sql")}); without one it could never be shown healthy");
        }

        var health = cursor.Child("health");
        for (var i = 0; i < spec.Health.Count; i++)
        {
            var at = health.Items().ElementAtOrDefault(i) ?? health;
            switch (spec.Health[i])
            {
                case HttpCheckSpec when spec.Kind == ComponentKind.Worker:
                    at.Error("a worker serves no requests; check it with exec or tcp");
                    break;
                case HttpCheckSpec when !spec.IsEntry && spec.Port is null:
                    at.Error("an http check needs the component's port (port: N), or the component to be the entry");
                    break;
                case JourneyCheckSpec when !spec.IsEntry:
                    at.Error("a journey goes through the tenant's entry; put it on the entry component");
                    break;
                case SqlCheckSpec when spec.Data is null || rules.DataKind(spec.Data.Kind) is not { Queryable: true }:
                    at.Error($"an sql check runs against the component's data, which must be of a kind that answers queries ({Queryable(rules)})");
                    break;
            }
        }
    }

    private static string Queryable(TemplateRules rules)
    {
        var kinds = rules.DataKinds.Where(k => k.Queryable).Select(k => $"data: {{ kind: {k.Name} }}").ToList();
        return kinds.Count == 0 ? "none is registered" : string.Join(" or ", kinds);
    }

    private static void CheckValues(ComponentSpec spec, YamlCursor cursor, IReadOnlyList<ComponentSpec> all)
    {
        foreach (var (key, value) in spec.Env)
        {
            foreach (var name in ValueText.Names(value))
            {
                if (TemplateValues.Problem(name, spec, all) is { } problem)
                {
                    cursor.Child("env").Child(key).Error($"${{{name}}}: {problem}");
                }
            }
        }

        foreach (var (arg, i) in (spec.Command ?? []).Select((a, i) => (a, i)))
        {
            foreach (var name in ValueText.Names(arg))
            {
                if (TemplateValues.Problem(name, spec, all) is { } problem)
                {
                    cursor.Child("command").Error($"[{i}] ${{{name}}}: {problem}");
                }
            }
        }
    }

    private static void ShareBudget(YamlCursor components, List<ComponentSpec> specs, string what, Func<ComponentSpec, double> share)
    {
        var total = specs.Sum(share);
        if (total > 1.0001)
        {
            components.Error($"the components' share.{what} add up to {total:0.##}; they must add up to at most 1");
        }
    }
}
