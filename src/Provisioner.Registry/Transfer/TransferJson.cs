using System.Text.Json;
using System.Text.Json.Serialization;

namespace Provisioner.Registry.Transfer;

/// <summary>The JSON of an export: one compact object per line, camelCase, nulls written (every field is always there).</summary>
internal static class TransferJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    };
}
