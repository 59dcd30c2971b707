using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using static Provisioner.Aws.Program.YamlNodes;

namespace Provisioner.Aws.Program;

/// <summary>The sections of a Pulumi YAML program as they are filled in, and the program's text once they are.</summary>
internal sealed class ProgramBuilder
{
    public YamlMappingNode Config { get; } = [];

    public YamlMappingNode Variables { get; } = [];

    public YamlMappingNode Resources { get; } = [];

    public YamlMappingNode Outputs { get; } = [];

    public void Declare(string key, string type, string description, bool secret = false) =>
        Config.Add(key, Map(("type", Str(type)), ("secret", secret ? Bool(true) : null), ("description", Str(description))));

    public void Variable(string name, YamlNode value) => Variables.Add(name, value);

    public void Resource(string name, string type, YamlMappingNode properties, YamlMappingNode? options = null)
    {
        if (Resources.Children.ContainsKey(new YamlScalarNode(name)))
        {
            throw new InvalidOperationException($"the program already declares a resource '{name}'");
        }

        Resources.Add(name, Map(("type", Str(type)), ("properties", properties), ("options", options is { Children.Count: > 0 } ? options : null)));
    }

    public void Output(string name, YamlNode value) => Outputs.Add(name, value);

    /// <summary>The whole program: <paramref name="header"/> as comment lines, then the project and its four sections.</summary>
    public string ToText(string project, string description, IEnumerable<string> header)
    {
        var root = Map(
            ("name", Str(project)),
            ("runtime", Str("yaml")),
            ("description", Str(description)),
            ("config", Config),
            ("variables", Variables),
            ("resources", Resources),
            ("outputs", Outputs));
        var text = new StringWriter { NewLine = "\n" };
        foreach (var line in header)
        {
            text.Write("# " + line + "\n");
        }

        var emitter = new Emitter(text, EmitterSettings.Default.WithBestWidth(int.MaxValue).WithIndentedSequences());
        new YamlStream(new YamlDocument(root)).Save(emitter, assignAnchors: false);
        var yaml = text.ToString();
        return yaml.EndsWith("...\n", StringComparison.Ordinal) ? yaml[..^4] : yaml;
    }
}
