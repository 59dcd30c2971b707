using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Provisioner.Cli.Rendering;

/// <summary>
/// The JSON of every <c>--json</c> result and report file: the views are anonymous objects and records, written with
/// System.Text.Json's <see cref="Utf8JsonWriter"/> after reading their public properties. Reading properties needs no
/// code made at run time, so the native (ahead-of-time compiled) <c>provision</c> writes the same JSON as the JIT one;
/// System.Text.Json's own reflection serializer is off in a native binary (and could not make the code for a value type
/// it had not seen at compile time), and anonymous types cannot have generated contexts. The shape is
/// the serializer's with <c>JsonSerializerDefaults</c> plus: camelCase names, nulls written, enums as camelCase text,
/// readable text (no \u escapes for &lt;, &gt;, '), <see cref="JsonIgnoreAttribute"/> and
/// <see cref="JsonPropertyNameAttribute"/> honoured.
/// </summary>
internal static class JsonView
{
    private const int MaxDepth = 64;

    /// <summary>Readable text: no \u escapes for &lt;, &gt;, ' and other characters that are safe outside HTML.</summary>
    private static readonly System.Text.Encodings.Web.JavaScriptEncoder Readable = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    public static string Serialize(object? value, bool indented = true)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions
        {
            Indented = indented,
            Encoder = Readable,
        }))
        {
            Write(writer, value, 0);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static void Write(Utf8JsonWriter writer, object? value, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new JsonException($"a view nests deeper than {MaxDepth} levels (a cycle?)");
        }

        switch (value)
        {
            case null: writer.WriteNullValue(); break;
            case string s: writer.WriteStringValue(s); break;
            case bool b: writer.WriteBooleanValue(b); break;
            case char c: writer.WriteStringValue(c.ToString()); break;
            case Enum e: WriteEnum(writer, e); break;
            case int or long or short or sbyte: writer.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture)); break;
            case uint or ulong or ushort or byte: writer.WriteNumberValue(Convert.ToUInt64(value, CultureInfo.InvariantCulture)); break;
            case double d: writer.WriteNumberValue(d); break;
            case float f: writer.WriteNumberValue(f); break;
            case decimal m: writer.WriteNumberValue(m); break;
            case DateTimeOffset at: writer.WriteStringValue(at); break;
            case DateTime at: writer.WriteStringValue(at); break;
            case TimeSpan span: writer.WriteStringValue(span.ToString("c", CultureInfo.InvariantCulture)); break;
            case Guid g: writer.WriteStringValue(g); break;
            case Uri uri: writer.WriteStringValue(uri.OriginalString); break;
            case Version v: writer.WriteStringValue(v.ToString()); break;
            case byte[] bytes: writer.WriteBase64StringValue(bytes); break;
            case JsonNode node: node.WriteTo(writer); break;
            case JsonElement element: element.WriteTo(writer); break;
            case IDictionary dictionary: WriteDictionary(writer, dictionary, depth); break;
            case IEnumerable items: WriteArray(writer, items, depth); break;
            default: WriteObject(writer, value, depth); break;
        }
    }

    private static void WriteDictionary(Utf8JsonWriter writer, IDictionary dictionary, int depth)
    {
        writer.WriteStartObject();
        foreach (DictionaryEntry entry in dictionary)
        {
            writer.WritePropertyName(Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? "");
            Write(writer, entry.Value, depth + 1);
        }

        writer.WriteEndObject();
    }

    private static void WriteArray(Utf8JsonWriter writer, IEnumerable items, int depth)
    {
        writer.WriteStartArray();
        foreach (var item in items)
        {
            Write(writer, item, depth + 1);
        }

        writer.WriteEndArray();
    }

    private static void WriteObject(Utf8JsonWriter writer, object value, int depth)
    {
        writer.WriteStartObject();
        foreach (var property in PropertiesOf(value.GetType()))
        {
            var item = property.Info.GetValue(value);
            if (item is null && property.Ignore == JsonIgnoreCondition.WhenWritingNull)
            {
                continue;
            }

            writer.WritePropertyName(property.Name);
            Write(writer, item, depth + 1);
        }

        writer.WriteEndObject();
    }

    /// <summary>A type's written properties, read once per type (a list of 1,000 tenants is one type 1,000 times).</summary>
    private static IReadOnlyList<ViewProperty> PropertiesOf(Type type) => Properties.GetOrAdd(type, ReadProperties);

    private static readonly ConcurrentDictionary<Type, IReadOnlyList<ViewProperty>> Properties = new();

    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "The views are this product's types, which the native build keeps whole (Provisioner.Cli.csproj).")]
    private static IReadOnlyList<ViewProperty> ReadProperties(Type type)
    {
        var written = new List<ViewProperty>();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var ignore = property.GetCustomAttribute<JsonIgnoreAttribute>()?.Condition;
            if (!property.CanRead || property.GetIndexParameters().Length > 0 || property.GetMethod?.IsPublic != true || ignore == JsonIgnoreCondition.Always)
            {
                continue;
            }

            var name = property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            written.Add(new ViewProperty(JsonEncodedText.Encode(name, Readable), property, ignore));
        }

        return written;
    }

    /// <summary>One written property: its JSON name, the property, and its <see cref="JsonIgnoreAttribute"/> condition if any.</summary>
    private sealed record ViewProperty(JsonEncodedText Name, PropertyInfo Info, JsonIgnoreCondition? Ignore);

    /// <summary>As <c>JsonStringEnumConverter(JsonNamingPolicy.CamelCase)</c>: each flag's name in camelCase; a value with no name as its number.</summary>
    private static void WriteEnum(Utf8JsonWriter writer, Enum value)
    {
        var text = value.ToString();
        if (char.IsDigit(text[0]) || text[0] == '-')
        {
            writer.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
        }
        else
        {
            writer.WriteStringValue(string.Join(", ", text.Split(", ").Select(JsonNamingPolicy.CamelCase.ConvertName)));
        }
    }
}
