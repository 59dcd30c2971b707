using System.Text.Json;

namespace Provisioner.Docker.Engine;

/// <summary>
/// Reads the volumes of a <c>/system/df</c> answer in either shape: the top-level <c>Volumes</c> array (API up to
/// 1.51, e.g. 1.41 on Docker 20.10) or the <c>Items</c> of <c>VolumeUsage</c>/<c>VolumesDiskUsage</c> (newer).
/// Docker.DotNet models only the newer shape, so on 1.41 its answer is all nulls.
/// </summary>
internal static class SystemDfParser
{
    public static IReadOnlyList<VolumeUsage> Volumes(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return [];
        }

        var volumes = Array(root, "Volumes")
            ?? Array(Object(root, "VolumeUsage"), "Items")
            ?? Array(Object(root, "VolumesDiskUsage"), "Items");
        return volumes?.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.Object).Select(Volume).ToList() ?? [];
    }

    private static VolumeUsage Volume(JsonElement v)
    {
        var labels = Object(v, "Labels") is { } l
            ? l.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String).ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);
        var size = Object(v, "UsageData") is { } usage && usage.TryGetProperty("Size", out var s) && s.TryGetInt64(out var bytes) ? bytes : -1;
        var name = v.TryGetProperty("Name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : "";
        return new VolumeUsage(name, labels, size);
    }

    private static JsonElement? Object(JsonElement? parent, string name) =>
        parent is { ValueKind: JsonValueKind.Object } p && p.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? value : null;

    private static JsonElement? Array(JsonElement? parent, string name) =>
        parent is { ValueKind: JsonValueKind.Object } p && p.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array ? value : null;
}
