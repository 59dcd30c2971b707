namespace Provisioner.Core.Templates;

/// <summary>Orders components dependencies first (otherwise as declared) and finds cycles.</summary>
internal static class DependencyOrder
{
    /// <summary>One cycle as "a -> b -> a", or null when there is none.</summary>
    public static string? Cycle(IReadOnlyList<ComponentSpec> specs)
    {
        var byName = specs.GroupBy(s => s.Name).ToDictionary(g => g.Key, g => g.First());
        var state = new Dictionary<string, int>();
        var path = new List<string>();
        string? Visit(string n)
        {
            if (state.TryGetValue(n, out var s))
            {
                return s == 1 ? string.Join(" -> ", path.SkipWhile(p => p != n).Append(n)) : null;
            }

            state[n] = 1;
            path.Add(n);
            var found = byName.TryGetValue(n, out var spec) ? spec.DependsOn.Select(Visit).FirstOrDefault(c => c is not null) : null;
            path.RemoveAt(path.Count - 1);
            state[n] = 2;
            return found;
        }

        return specs.Select(s => Visit(s.Name)).FirstOrDefault(c => c is not null);
    }

    public static IReadOnlyList<ComponentSpec> Sort(List<ComponentSpec> specs)
    {
        if (Cycle(specs) is not null)
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
