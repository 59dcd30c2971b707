using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace Provisioner.Core.Json;

/// <summary>
/// Reads a document with generated metadata so that a property it leaves out keeps its default: the generated reader
/// sets every init-only property, so one missing from the document would otherwise be the type's zero (0, null), not the
/// value its initializer gives (a file written before the property existed, or edited by hand).
/// </summary>
internal static class JsonDefaults
{
    /// <param name="defaults">An instance with every default; its <paramref name="required"/> properties are not used (a document without them is refused, as before).</param>
    public static T? Read<T>(string json, T defaults, JsonTypeInfo<T> info, params string[] required)
    {
        if (JsonNode.Parse(json) is not JsonObject document)
        {
            return JsonSerializer.Deserialize(json, info);
        }

        var merged = JsonSerializer.SerializeToNode(defaults, info)!.AsObject();
        foreach (var name in required)
        {
            merged.Remove(name);
        }

        foreach (var (key, value) in document.ToList())
        {
            merged[key] = value?.DeepClone();
        }

        return merged.Deserialize(info);
    }
}
