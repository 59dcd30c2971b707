using Provisioner.Core.Errors;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Provisioner.Aws.Validation;

/// <summary>A Pulumi YAML program (Pulumi.yaml with <c>runtime: yaml</c>) read into its sections, nodes kept for line numbers.</summary>
internal sealed class PulumiProgram
{
    private PulumiProgram(YamlMappingNode root)
    {
        Root = root;
        Config = Section("config").ToDictionary(e => e.Key, e => Declaration(e.Key, e.Value));
        Variables = Section("variables").ToDictionary(e => e.Key, e => e.Value);
        Resources = Section("resources").ToDictionary(
            e => e.Key,
            e => new ResourceDeclaration(e.Key, e.Value is YamlMappingNode m && Scalar(m, "type") is { } t ? t : "", e.Value as YamlMappingNode ?? new YamlMappingNode()));
        Outputs = Section("outputs").ToDictionary(e => e.Key, e => e.Value);
    }

    public YamlMappingNode Root { get; }

    public IReadOnlyDictionary<string, ConfigDeclaration> Config { get; }

    public IReadOnlyDictionary<string, YamlNode> Variables { get; }

    public IReadOnlyDictionary<string, ResourceDeclaration> Resources { get; }

    public IReadOnlyDictionary<string, YamlNode> Outputs { get; }

    public static PulumiProgram Load(string path) => Parse(File.ReadAllText(path), path);

    public static PulumiProgram Parse(string text, string source = "Pulumi.yaml")
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new BadInputException($"{source}:{e.Start.Line}: YAML syntax error: {e.Message}");
        }

        return stream.Documents.Count == 1 && stream.Documents[0].RootNode is YamlMappingNode root
            ? new PulumiProgram(root)
            : throw new BadInputException($"{source}: expected one YAML document holding a mapping");
    }

    public static string? Scalar(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var v) && v is YamlScalarNode s ? s.Value : null;

    private IEnumerable<KeyValuePair<string, YamlNode>> Section(string name) =>
        Root.Children.TryGetValue(new YamlScalarNode(name), out var node) && node is YamlMappingNode map
            ? map.Children.Select(c => new KeyValuePair<string, YamlNode>(((YamlScalarNode)c.Key).Value ?? "", c.Value))
            : [];

    private static ConfigDeclaration Declaration(string name, YamlNode node) => node is YamlMappingNode m
        ? new ConfigDeclaration(name, Scalar(m, "type"), Scalar(m, "secret") == "true", m.Children.ContainsKey(new YamlScalarNode("default")), node)
        : new ConfigDeclaration(name, null, false, true, node); // a scalar is shorthand for {default: value}
}
