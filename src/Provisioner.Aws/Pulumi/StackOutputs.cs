using System.Text.Json;

namespace Provisioner.Aws.Pulumi;

/// <summary>
/// <c>pulumi stack output --json --show-secrets</c>: the stack's outputs as text. Lists and maps keep their JSON text.
/// Holds plaintext secrets: never log the whole object.
/// </summary>
internal sealed class StackOutputs
{
    private readonly Dictionary<string, string> _values;

    private StackOutputs(Dictionary<string, string> values) => _values = values;

    public static StackOutputs Empty { get; } = new([]);

    public IReadOnlyCollection<string> Keys => _values.Keys;

    public string? this[string key] => _values.GetValueOrDefault(key);

    public string Require(string key) =>
        _values.TryGetValue(key, out var v) ? v : throw new Errors.PulumiException($"the stack has no output '{key}' (was it made by an older program? `provision tenant` applies the generated one again)");

    public IReadOnlyList<string> List(string key)
    {
        if (this[key] is not { } raw || !raw.TrimStart().StartsWith('['))
        {
            return [];
        }

        using var doc = JsonDocument.Parse(raw);
        return doc.RootElement.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString()! : e.GetRawText()).ToList();
    }

    /// <summary>An output that is a JSON object (one value per component), its values as text; empty when absent.</summary>
    public IReadOnlyDictionary<string, string> Map(string key)
    {
        if (this[key] is not { } raw || !raw.TrimStart().StartsWith('{'))
        {
            return new Dictionary<string, string>();
        }

        using var doc = JsonDocument.Parse(raw);
        return doc.RootElement.EnumerateObject().ToDictionary(
            p => p.Name, p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText(), StringComparer.Ordinal);
    }

    public static StackOutputs Parse(string json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return Empty;
        }

        using var doc = JsonDocument.Parse(json);
        if (doc.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new Errors.PulumiException("`pulumi stack output --json` did not print a JSON object");
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in doc.RootElement.EnumerateObject())
        {
            values[p.Name] = p.Value.ValueKind switch
            {
                JsonValueKind.String => p.Value.GetString()!,
                JsonValueKind.Null => "",
                _ => p.Value.GetRawText(),
            };
        }

        return new StackOutputs(values);
    }
}
