using System.Collections.Concurrent;
using System.Text.Json;

namespace Provisioner.Aws.Validation;

/// <summary>
/// The AWS provider's resource types, nested types, functions and provider config keys, read once from
/// pulumi-aws-&lt;version&gt;.json: <see cref="Bundled"/> is the subset the program uses (infra/aws/schema, embedded in
/// this assembly). Type tokens resolve the way pulumi-yaml does: the full token, or the <c>aws:mod:Type</c>
/// shorthand, case-insensitively.
/// </summary>
internal sealed class AwsSchema
{
    /// <summary>The embedded copy of infra/aws/schema/pulumi-aws-7.48.0.json (see the csproj).</summary>
    internal const string BundledResource = "Provisioner.Aws.Validation.pulumi-aws.json";

    private static readonly ConcurrentDictionary<string, AwsSchema> Cache = new();

    private static readonly Lazy<AwsSchema> BundledSchema = new(LoadBundled);

    private readonly Dictionary<string, ResourceSchema> _resources;
    private readonly Dictionary<string, ObjectSchema> _types;
    private readonly Dictionary<string, FunctionSchema> _functions;

    private AwsSchema(
        string version,
        Dictionary<string, ResourceSchema> resources,
        Dictionary<string, ObjectSchema> types,
        Dictionary<string, FunctionSchema> functions,
        IReadOnlySet<string> providerConfig)
    {
        Version = version;
        _resources = resources;
        _types = types;
        _functions = functions;
        ProviderConfig = providerConfig;
    }

    public string Version { get; }

    /// <summary>Provider config keys, e.g. <c>aws:region</c>.</summary>
    public IReadOnlySet<string> ProviderConfig { get; }

    public IEnumerable<string> ResourceTokens => _resources.Values.Select(r => r.Token).Distinct();

    /// <summary>The schema the program in infra/aws is validated against, embedded at build time; parsed once per process.</summary>
    public static AwsSchema Bundled => BundledSchema.Value;

    /// <summary>Parses the file once per path per process (it is about 350 KB).</summary>
    public static AwsSchema Load(string path) => Cache.GetOrAdd(Path.GetFullPath(path), p => Parse(File.ReadAllBytes(p)));

    public ResourceSchema? Resource(string token) => _resources.GetValueOrDefault(token);

    public ObjectSchema? Type(string token) => _types.GetValueOrDefault(token);

    public FunctionSchema? Function(string token) => _functions.GetValueOrDefault(token);

    private static AwsSchema LoadBundled()
    {
        using var stream = typeof(AwsSchema).Assembly.GetManifestResourceStream(BundledResource)
            ?? throw new InvalidOperationException($"resource {BundledResource} is missing from {typeof(AwsSchema).Assembly.GetName().Name}");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return Parse(copy.GetBuffer().AsSpan(0, (int)copy.Length));
    }

    internal static AwsSchema Parse(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        using var doc = JsonDocument.ParseValue(ref reader);
        var root = doc.RootElement;
        var resources = new Dictionary<string, ResourceSchema>(StringComparer.OrdinalIgnoreCase);
        foreach (var r in root.GetProperty("resources").EnumerateObject())
        {
            var inputs = Properties(r.Name, r.Value.GetProperty("inputs"), r.Value.TryGetProperty("requiredInputs", out var req) ? req : default);
            var outputs = r.Value.TryGetProperty("outputs", out var o) ? o.EnumerateArray().Select(e => e.GetString()!).ToHashSet(StringComparer.Ordinal) : [];
            var schema = new ResourceSchema(r.Name, inputs, outputs, r.Value.TryGetProperty("deprecated", out _));
            resources[r.Name] = schema;
            if (r.Value.TryGetProperty("yamlTypeShorthand", out var shorthand) && shorthand.GetString() is { } s)
            {
                resources.TryAdd(s, schema);
            }
        }

        var types = new Dictionary<string, ObjectSchema>(StringComparer.Ordinal);
        foreach (var t in root.GetProperty("types").EnumerateObject())
        {
            types[t.Name] = Properties(t.Name, t.Value.GetProperty("properties"), t.Value.TryGetProperty("required", out var req) ? req : default);
        }

        var functions = new Dictionary<string, FunctionSchema>(StringComparer.OrdinalIgnoreCase);
        foreach (var f in root.GetProperty("functions").EnumerateObject())
        {
            var args = Properties(f.Name, f.Value.GetProperty("args"), default);
            var results = f.Value.GetProperty("result").EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
            var schema = new FunctionSchema(f.Name, args, results);
            functions[f.Name] = schema;
            if (f.Value.TryGetProperty("yamlShorthand", out var shorthand) && shorthand.GetString() is { } s)
            {
                functions.TryAdd(s, schema);
            }
        }

        var providerConfig = root.GetProperty("providerConfig").EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        return new AwsSchema(root.GetProperty("providerVersion").GetString() ?? "?", resources, types, functions, providerConfig);
    }

    private static ObjectSchema Properties(string token, JsonElement properties, JsonElement required)
    {
        var requiredNames = required.ValueKind == JsonValueKind.Array ? required.EnumerateArray().Select(e => e.GetString()!).ToHashSet() : [];
        var map = new Dictionary<string, PropertySchema>(StringComparer.Ordinal);
        foreach (var p in properties.EnumerateObject())
        {
            var isRequired = requiredNames.Contains(p.Name) || (p.Value.TryGetProperty("required", out var r) && r.ValueKind == JsonValueKind.True);
            map[p.Name] = Property(p.Name, p.Value, isRequired);
        }

        return new ObjectSchema(token, map);
    }

    private static PropertySchema Property(string name, JsonElement e, bool required)
    {
        var type = e.TryGetProperty("type", out var t) ? t.GetString() ?? "string" : "string";
        var secret = e.TryGetProperty("secret", out var s) && s.ValueKind == JsonValueKind.True;
        var reference = e.TryGetProperty("ref", out var r) ? r.GetString() : null;
        PropertySchema? items = null;
        if (e.TryGetProperty("items", out var i) && i.ValueKind == JsonValueKind.Object)
        {
            items = Property(name + "[]", i, false);
        }

        return new PropertySchema(name, type == "enum" ? "string" : type, required, secret, reference, items);
    }
}
