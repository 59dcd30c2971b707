using Provisioner.Aws.Validation;
using YamlDotNet.RepresentationModel;

namespace Provisioner.Aws.Tests.Support;

/// <summary>Reads a generated program the way a reviewer would: containers of a task, a resource's property by path.</summary>
internal static class ProgramQueries
{
    /// <summary>The containers of a <c>fn::toJSON</c> variable (e.g. <c>webContainers</c>).</summary>
    public static IReadOnlyList<ContainerView> Containers(PulumiProgram program, string variable)
    {
        var list = (YamlSequenceNode)((YamlMappingNode)program.Variables[variable]).Children[new YamlScalarNode("fn::toJSON")];
        return list.Children.Cast<YamlMappingNode>().Select(c => new ContainerView(
            Text(c, "name")!,
            Text(c, "image")!,
            Strings(c, "entryPoint"),
            Strings(c, "command"),
            Items(c, "environment").ToDictionary(e => Text(e, "name")!, e => Text(e, "value")!),
            Items(c, "secrets").Select(s => Text(s, "name")!).ToList(),
            Items(c, "mountPoints").Select(m => $"{Text(m, "sourceVolume")}:{Text(m, "containerPath")}{(Text(m, "readOnly") == "true" ? ":ro" : "")}").ToList(),
            Items(c, "portMappings").Select(p => int.Parse(Text(p, "containerPort")!, System.Globalization.CultureInfo.InvariantCulture)).Cast<int?>().FirstOrDefault(),
            Text(c, "essential") == "true")).ToList();
    }

    public static ResourceDeclaration Resource(PulumiProgram program, string name) =>
        program.Resources.TryGetValue(name, out var r) ? r : throw new Xunit.Sdk.XunitException($"the program has no resource '{name}'");

    /// <summary>A property by dotted path (<c>healthCheck.path</c>; <c>loadBalancers.0.containerName</c>), or null.</summary>
    public static YamlNode? Property(ResourceDeclaration resource, string path) => At(resource.Properties, path);

    public static YamlNode? Option(ResourceDeclaration resource, string path) => At(resource.Options, path);

    public static string? Text(YamlNode? node, string? key = null)
    {
        var target = key is null ? node : node is YamlMappingNode m && m.Children.TryGetValue(new YamlScalarNode(key), out var v) ? v : null;
        return (target as YamlScalarNode)?.Value;
    }

    public static IReadOnlyList<string> List(YamlNode? node) =>
        node is YamlSequenceNode s ? s.Children.Select(c => ((YamlScalarNode)c).Value ?? "").ToList() : [];

    private static YamlNode? At(YamlNode? node, string path)
    {
        foreach (var part in path.Split('.'))
        {
            node = node switch
            {
                YamlMappingNode m => m.Children.TryGetValue(new YamlScalarNode(part), out var v) ? v : null,
                YamlSequenceNode s when int.TryParse(part, out var i) && i < s.Children.Count => s.Children[i],
                _ => null,
            };
        }

        return node;
    }

    private static List<string>? Strings(YamlMappingNode c, string key) =>
        c.Children.TryGetValue(new YamlScalarNode(key), out var v) ? List(v).ToList() : null;

    private static IEnumerable<YamlMappingNode> Items(YamlMappingNode c, string key) =>
        c.Children.TryGetValue(new YamlScalarNode(key), out var v) && v is YamlSequenceNode s ? s.Children.Cast<YamlMappingNode>() : [];
}
