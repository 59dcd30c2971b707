using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Provisioner.Registry.Transfer;

/// <summary>
/// The JSON of an export: one compact object per line, camelCase, nulls written (every field is always there). Generated
/// at build time for each kind of line (the native binary has no run-time serializer code).
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, PropertyNameCaseInsensitive = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(ExportHeader))]
[JsonSerializable(typeof(TenantLine))]
[JsonSerializable(typeof(OperationLine))]
[JsonSerializable(typeof(SnapshotLine))]
[JsonSerializable(typeof(ExportTrailer))]
internal sealed partial class TransferJson : JsonSerializerContext
{
    /// <summary>The lines' contract, with readable text (no \u escapes for &lt;, &gt;, ').</summary>
    public static readonly TransferJson Lines = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    });

    public static JsonTypeInfo<T> Of<T>() =>
        Lines.GetTypeInfo(typeof(T)) as JsonTypeInfo<T> ?? throw new InvalidOperationException($"{typeof(T).Name} is not a line of an export (add it to TransferJson)");
}
