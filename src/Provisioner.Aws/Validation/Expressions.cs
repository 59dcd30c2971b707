using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Provisioner.Aws.Validation;

/// <summary>Reads Pulumi YAML expressions: <c>${...}</c> interpolations (<c>$${</c> is a literal) and <c>fn::</c> calls.</summary>
internal static partial class Expressions
{
    [GeneratedRegex(@"(?<!\$)\$\{([^}]*)\}")]
    private static partial Regex Interpolation();

    [GeneratedRegex(@"^\$\{[^}]*\}$")]
    private static partial Regex WholeSubstitution();

    /// <summary>Every <c>${...}</c> body in a string, in order.</summary>
    public static IEnumerable<string> References(string text) => Interpolation().Matches(text).Select(m => m.Groups[1].Value.Trim());

    /// <summary>The name a reference starts with: <c>vpc</c> for <c>vpc.id</c>, <c>azs</c> for <c>azs[0]</c>, <c>aws:region</c> for itself.</summary>
    public static string Root(string reference)
    {
        var end = reference.IndexOfAny(['.', '[']);
        return end < 0 ? reference : reference[..end];
    }

    /// <summary>The first property read after the root (<c>arn</c> for <c>cluster.arn</c>), if any.</summary>
    public static string? FirstProperty(string reference)
    {
        var root = Root(reference);
        if (reference.Length <= root.Length || reference[root.Length] != '.')
        {
            return null;
        }

        var rest = reference[(root.Length + 1)..];
        var end = rest.IndexOfAny(['.', '[']);
        return end < 0 ? rest : rest[..end];
    }

    /// <summary>A value whose shape is only known at run time: a lone <c>${x}</c> or a <c>fn::</c> call.</summary>
    public static bool IsDynamic(YamlNode node) => node switch
    {
        YamlScalarNode s => s.Value is { } v && WholeSubstitution().IsMatch(v.Trim()),
        YamlMappingNode m => FunctionName(m) is not null,
        _ => false,
    };

    /// <summary><c>fn::toJSON</c> for a mapping with a single <c>fn::</c> key, else null.</summary>
    public static string? FunctionName(YamlMappingNode map) =>
        map.Children.Count == 1 && map.Children.Keys.First() is YamlScalarNode { Value: { } k } && k.StartsWith("fn::", StringComparison.OrdinalIgnoreCase) ? k : null;

    /// <summary>Every scalar under <paramref name="node"/> with its dotted path.</summary>
    public static IEnumerable<(string Path, YamlScalarNode Scalar)> Scalars(YamlNode node, string path)
    {
        switch (node)
        {
            case YamlScalarNode s:
                yield return (path, s);
                break;
            case YamlSequenceNode seq:
                for (var i = 0; i < seq.Children.Count; i++)
                {
                    foreach (var x in Scalars(seq.Children[i], $"{path}[{i}]"))
                    {
                        yield return x;
                    }
                }

                break;
            case YamlMappingNode map:
                foreach (var (k, v) in map.Children)
                {
                    foreach (var x in Scalars(v, $"{path}.{((YamlScalarNode)k).Value}"))
                    {
                        yield return x;
                    }
                }

                break;
        }
    }
}
