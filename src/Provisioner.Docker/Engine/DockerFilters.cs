using System.Collections.Immutable;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Provisioner.Docker.Engine;

/// <summary>
/// The Engine API's <c>filters</c> query parameter: a JSON map of filter name to accepted values,
/// e.g. <c>{"label":["provisioner.tenant=acme"]}</c>. Values under one name are OR-ed by the engine
/// for <c>name</c>/<c>id</c> and AND-ed for <c>label</c>; different names are AND-ed. Immutable.
/// </summary>
/// <example><code>DockerFilters.Label("provisioner.tenant=acme").WithLabel("provisioner.component=db")</code></example>
public sealed class DockerFilters
{
    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly ImmutableSortedDictionary<string, ImmutableSortedSet<string>> _filters;

    private DockerFilters(ImmutableSortedDictionary<string, ImmutableSortedSet<string>> filters) => _filters = filters;

    /// <summary>No filters: the query parameter is omitted.</summary>
    public static DockerFilters Empty { get; } = new(ImmutableSortedDictionary.Create<string, ImmutableSortedSet<string>>(StringComparer.Ordinal));

    /// <summary>True when no filter is set.</summary>
    public bool IsEmpty => _filters.IsEmpty;

    /// <summary>The filters as name → values (sorted).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Values =>
        _filters.ToDictionary(pair => pair.Key, pair => (IReadOnlyList<string>)[.. pair.Value], StringComparer.Ordinal);

    /// <summary>Resources carrying a label: <c>key</c> (any value) or <c>key=value</c>.</summary>
    public static DockerFilters Label(string label) => Empty.WithLabel(label);

    /// <summary>Resources carrying every one of the labels (each <c>key</c> or <c>key=value</c>).</summary>
    public static DockerFilters Labels(params IEnumerable<string> labels) =>
        labels.Aggregate(Empty, (filters, label) => filters.WithLabel(label));

    /// <summary>Resources carrying every <c>key=value</c> pair.</summary>
    public static DockerFilters Labels(IReadOnlyDictionary<string, string> labels) =>
        Labels(labels.Select(pair => $"{pair.Key}={pair.Value}"));

    /// <summary>
    /// Resources whose name matches. The engine matches names as a regular expression (substring), so
    /// <c>t-acme</c> also matches <c>t-acme-db</c>; anchor it (<c>^t-acme$</c>, containers: <c>^/t-acme$</c>) for an exact match.
    /// </summary>
    public static DockerFilters Name(string name) => Empty.WithName(name);

    /// <summary>Any filter the engine supports, e.g. <c>Of("status", "running", "exited")</c>.</summary>
    public static DockerFilters Of(string name, params IEnumerable<string> values) => Empty.With(name, values);

    /// <summary>A copy with <paramref name="values"/> added under <paramref name="name"/>.</summary>
    public DockerFilters With(string name, params IEnumerable<string> values)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(values);
        var list = values.ToList();
        if (list.Count == 0 || list.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException($"Filter '{name}' needs at least one non-empty value.", nameof(values));
        }

        var existing = _filters.TryGetValue(name, out var set) ? set : ImmutableSortedSet.Create<string>(StringComparer.Ordinal);
        return new DockerFilters(_filters.SetItem(name, existing.Union(list)));
    }

    /// <summary>A copy that also requires a label (<c>key</c> or <c>key=value</c>).</summary>
    public DockerFilters WithLabel(string label) => With("label", label);

    /// <summary>A copy that also matches a name (see <see cref="Name"/> for the matching rules).</summary>
    public DockerFilters WithName(string name) => With("name", name);

    /// <summary>The JSON the engine expects, keys and values sorted: <c>{"label":["a=b"]}</c>.</summary>
    public string ToJson() =>
        JsonSerializer.Serialize(_filters.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray(), StringComparer.Ordinal), JsonOptions);

    /// <summary>The JSON, percent-encoded for a query string.</summary>
    public string ToQueryValue() => Uri.EscapeDataString(ToJson());

    /// <inheritdoc />
    public override string ToString() => ToJson();
}
