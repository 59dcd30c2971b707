using System.Text.Json;
using System.Text.Json.Serialization;

namespace Provisioner.Docker.Engine;

/// <summary>The engine writes port sets as <c>{"8080/tcp": {}}</c>; we expose them as a list of port strings.</summary>
internal sealed class PortSetJsonConverter : JsonConverter<IReadOnlyList<string>>
{
    public override IReadOnlyList<string> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected a port set object, found {reader.TokenType}.");
        }

        var ports = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            ports.Add(reader.GetString() ?? "");
            reader.Read();
            reader.Skip();
        }

        return ports;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<string> value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var port in value)
        {
            writer.WritePropertyName(port);
            writer.WriteStartObject();
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }
}
