namespace Provisioner.Aws.Validation;

/// <summary>No variable or resource depends on itself, directly or through others (Pulumi could not order them).</summary>
internal static class CycleCheck
{
    public static void Run(ValidationContext ctx)
    {
        var graph = DependencyGraph.Build(ctx.Program);
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1 = on the current path, 2 = done
        var path = new List<string>();
        foreach (var start in graph.Keys.Order(StringComparer.Ordinal))
        {
            Visit(ctx, graph, start, state, path);
        }
    }

    private static void Visit(ValidationContext ctx, Dictionary<string, SortedSet<string>> graph, string name, Dictionary<string, int> state, List<string> path)
    {
        if (state.GetValueOrDefault(name) == 2)
        {
            return;
        }

        if (state.GetValueOrDefault(name) == 1)
        {
            var cycle = path.Skip(path.IndexOf(name)).Append(name).ToList();
            var node = ctx.Program.Resources.TryGetValue(name, out var r) ? r.Node : ctx.Program.Variables[name];
            var where = ctx.Program.Resources.ContainsKey(name) ? $"resources.{name}" : $"variables.{name}";
            ctx.Add(node, where, $"dependency cycle: {string.Join(" -> ", cycle)}");
            return;
        }

        state[name] = 1;
        path.Add(name);
        foreach (var next in graph[name])
        {
            Visit(ctx, graph, next, state, path);
        }

        path.RemoveAt(path.Count - 1);
        state[name] = 2;
    }
}
