using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Provisioner.Docker.Engine;

internal sealed class ImageOperations(DockerTransport transport) : IImageOperations
{
    private const string LoadedPrefix = "Loaded image: ";
    private const string LoadedIdPrefix = "Loaded image ID: ";

    public Task<ImageInspect> InspectAsync(string name, CancellationToken cancellationToken = default) =>
        transport.GetJsonAsync<ImageInspect>(
            DockerRequest.Get($"/images/{DockerPath.ImageReference(name, nameof(name))}/json"), cancellationToken);

    public Task<IReadOnlyList<ImageSummary>> ListAsync(DockerFilters? filters = null, CancellationToken cancellationToken = default) =>
        transport.GetJsonAsync<IReadOnlyList<ImageSummary>>(
            DockerRequest.Get("/images/json", new QueryString().Add(filters)), cancellationToken);

    public async Task<bool> ExistsAsync(string name, CancellationToken cancellationToken = default)
    {
        try
        {
            await InspectAsync(name, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (DockerNotFoundException)
        {
            return false;
        }
    }

    public async Task<Stream> SaveAsync(IReadOnlyList<string> names, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(names);
        if (names.Count == 0 || names.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("Name at least one image, and no empty names.", nameof(names));
        }

        var query = names.Aggregate(new QueryString(), (q, name) => q.Add("names", name));
        var response = await transport.OpenAsync(DockerRequest.Get("/images/get", query), cancellationToken).ConfigureAwait(false);
        try
        {
            var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            return new ResponseStream(body, response);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    public async Task<IReadOnlyList<string>> LoadAsync(Stream imagesTar, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(imagesTar);
        var request = DockerRequest.Post("/images/load", new QueryString().Add("quiet", true)) with
        {
            Content = () => TarContent(imagesTar),
            ClientTimeout = Timeout.InfiniteTimeSpan,
        };
        var body = await transport.SendAsync(
            request, (response, token) => response.Content.ReadAsStringAsync(token), cancellationToken).ConfigureAwait(false);
        return ParseLoadMessages(body, request.Describe(""));
    }

    /// <summary>Reads the engine's JSON-lines progress; an <c>error</c> line means the load failed (status is still 200).</summary>
    internal static IReadOnlyList<string> ParseLoadMessages(string body, string request)
    {
        var loaded = new List<string>();
        foreach (var line in body.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            using var message = JsonDocument.Parse(line);
            var root = message.RootElement;
            if (root.TryGetProperty("error", out var error))
            {
                throw new DockerApiException(HttpStatusCode.InternalServerError, error.GetString() ?? "image load failed", request);
            }

            if (root.TryGetProperty("stream", out var stream) && stream.GetString()?.Trim() is { } text)
            {
                if (text.StartsWith(LoadedIdPrefix, StringComparison.Ordinal))
                {
                    loaded.Add(text[LoadedIdPrefix.Length..]);
                }
                else if (text.StartsWith(LoadedPrefix, StringComparison.Ordinal))
                {
                    loaded.Add(text[LoadedPrefix.Length..]);
                }
            }
        }

        return loaded;
    }

    private static StreamContent TarContent(Stream tar)
    {
        var content = new StreamContent(tar);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-tar");
        return content;
    }
}
