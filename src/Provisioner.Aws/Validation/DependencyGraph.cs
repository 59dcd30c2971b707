namespace Provisioner.Aws.Validation;

/// <summary>Which variables and resources each variable or resource refers to (interpolations and dependsOn).</summary>
internal static class DependencyGraph
{
    public static Dictionary<string, SortedSet<string>> Build(PulumiProgram program)
    {
        var nodes = program.Variables.Keys.Concat(program.Resources.Keys).ToHashSet(StringComparer.Ordinal);
        var graph = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var (name, node) in program.Variables)
        {
            graph[name] = Edges(node, nodes);
        }

        foreach (var resource in program.Resources.Values)
        {
            graph[resource.Name] = Edges(resource.Node, nodes);
        }

        return graph;
    }

    private static SortedSet<string> Edges(YamlDotNet.RepresentationModel.YamlNode node, HashSet<string> nodes) =>
        new(
            Expressions.Scalars(node, "")
                .SelectMany(s => Expressions.References(s.Scalar.Value ?? ""))
                .Select(Expressions.Root)
                .Where(nodes.Contains),
            StringComparer.Ordinal);
}
