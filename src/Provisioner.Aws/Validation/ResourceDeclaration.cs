using YamlDotNet.RepresentationModel;

namespace Provisioner.Aws.Validation;

/// <summary>A resource of the program: logical name, type token as written, and its properties and options blocks.</summary>
internal sealed record ResourceDeclaration(string Name, string Type, YamlMappingNode Node)
{
    public YamlMappingNode? Properties => Node.Children.TryGetValue(new YamlScalarNode("properties"), out var p) ? p as YamlMappingNode : null;

    public YamlMappingNode? Options => Node.Children.TryGetValue(new YamlScalarNode("options"), out var o) ? o as YamlMappingNode : null;

    public string Path => $"resources.{Name}";
}
