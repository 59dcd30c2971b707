using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Provisioner.Core.Templates;

/// <summary>
/// Walks a YAML node by path, collecting every problem (with file, path and line) instead of stopping at the first.
/// </summary>
internal sealed class YamlCursor(string file, string path, YamlNode? node, List<TemplateError> errors, long? parentLine = null)
{
    public string Path { get; } = path;

    public YamlNode? Node { get; } = node;

    public bool IsMissing => Node is null;

    public void Error(string message) =>
        errors.Add(new TemplateError(file, Path, message, Node is null ? parentLine : Node.Start.Line)); // a missing key: its parent's line

    public YamlCursor Child(string key)
    {
        var childPath = Path.Length == 0 ? key : $"{Path}.{key}";
        if (Node is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(key), out var child))
        {
            return new YamlCursor(file, childPath, child, errors);
        }

        return new YamlCursor(file, childPath, null, errors, Node?.Start.Line ?? parentLine);
    }

    /// <summary>Reports keys that are not in <paramref name="allowed"/> (typos are the most common template bug).</summary>
    public void OnlyKeys(params string[] allowed)
    {
        if (Node is not YamlMappingNode map)
        {
            return;
        }

        foreach (var key in map.Children.Keys.OfType<YamlScalarNode>())
        {
            if (!allowed.Contains(key.Value))
            {
                var keyPath = Path.Length == 0 ? key.Value! : $"{Path}.{key.Value}";
                errors.Add(new TemplateError(file, keyPath, $"unknown key (allowed: {string.Join(", ", allowed)})", key.Start.Line));
            }
        }
    }

    public IEnumerable<(string Key, YamlCursor Value)> Entries(bool required = false)
    {
        if (Node is null)
        {
            if (required)
            {
                Error("is required");
            }

            yield break;
        }

        if (Node is not YamlMappingNode map)
        {
            Error("must be a mapping");
            yield break;
        }

        foreach (var (k, v) in map.Children)
        {
            var key = (k as YamlScalarNode)?.Value ?? "";
            yield return (key, new YamlCursor(file, Path.Length == 0 ? key : $"{Path}.{key}", v, errors));
        }
    }

    public IEnumerable<YamlCursor> Items()
    {
        if (Node is null)
        {
            yield break;
        }

        if (Node is not YamlSequenceNode seq)
        {
            Error("must be a list");
            yield break;
        }

        var i = 0;
        foreach (var item in seq.Children)
        {
            yield return new YamlCursor(file, $"{Path}[{i++}]", item, errors);
        }
    }

    public string? String(bool required = false)
    {
        if (Node is null)
        {
            if (required)
            {
                Error("is required");
            }

            return null;
        }

        if (Node is YamlScalarNode s && !string.IsNullOrEmpty(s.Value))
        {
            return s.Value;
        }

        Error("must be a non-empty string");
        return null;
    }

    public double? Number(bool required = false)
    {
        var s = String(required);
        if (s is null)
        {
            return null;
        }

        if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
        {
            return d;
        }

        Error($"must be a number, got '{s}'");
        return null;
    }

    public IReadOnlyList<string> StringList() =>
        Items().Select(i => i.String(required: true)).OfType<string>().ToList();

    public IReadOnlyDictionary<string, string> StringMap()
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in Entries())
        {
            var v = value.Node is YamlScalarNode s ? s.Value ?? "" : null;
            if (v is null)
            {
                value.Error("must be a string");
                continue;
            }

            result[key] = v;
        }

        return result;
    }
}
