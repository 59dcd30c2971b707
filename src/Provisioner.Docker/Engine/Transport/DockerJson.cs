using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Provisioner.Docker.Engine;

/// <summary>JSON settings for the Engine API: exact PascalCase names from attributes, nulls omitted, unknown fields ignored.</summary>
internal static class DockerJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.General)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.Strict,
    };

    /// <summary>Serializes <paramref name="value"/> into a JSON request body.</summary>
    public static HttpContent Content<T>(T value)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(value, Options));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    /// <summary>Reads a JSON body; an empty or <c>null</c> body is a protocol error.</summary>
    public static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            try
            {
                return await JsonSerializer.DeserializeAsync<T>(stream, Options, cancellationToken).ConfigureAwait(false)
                    ?? throw new DockerException($"The engine returned an empty {typeof(T).Name}.");
            }
            catch (JsonException ex)
            {
                throw new DockerException($"The engine returned a {typeof(T).Name} that could not be read: {ex.Message}", ex);
            }
        }
    }
}
