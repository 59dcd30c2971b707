using System.Net.Http.Headers;
using System.Text;

namespace Provisioner.Docker.Engine;

internal sealed class ContainerOperations(DockerTransport transport) : IContainerOperations
{
    private const int NotModified = 304;

    public Task<IReadOnlyList<ContainerSummary>> ListAsync(bool all = false, DockerFilters? filters = null, CancellationToken cancellationToken = default) =>
        transport.GetJsonAsync<IReadOnlyList<ContainerSummary>>(
            DockerRequest.Get("/containers/json", new QueryString().Add("all", all).Add(filters)), cancellationToken);

    public async Task<string> CreateAsync(string name, ContainerCreateParameters parameters, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(parameters);
        var request = DockerRequest.PostJson("/containers/create", parameters, new QueryString().Add("name", name));
        var created = await transport.GetJsonAsync<IdResponse>(request, cancellationToken).ConfigureAwait(false);
        return created.Id;
    }

    public Task StartAsync(string id, CancellationToken cancellationToken = default) =>
        transport.SendAsync(
            DockerRequest.Post($"{ContainerPath(id)}/start") with { AlsoSuccessful = [NotModified] }, cancellationToken);

    public Task StopAsync(string id, int? timeoutSeconds = null, CancellationToken cancellationToken = default) =>
        transport.SendAsync(StopLike($"{ContainerPath(id)}/stop", timeoutSeconds), cancellationToken);

    public Task RestartAsync(string id, int? timeoutSeconds = null, CancellationToken cancellationToken = default) =>
        transport.SendAsync(StopLike($"{ContainerPath(id)}/restart", timeoutSeconds), cancellationToken);

    public Task RemoveAsync(string id, bool force = false, bool removeVolumes = false, CancellationToken cancellationToken = default) =>
        transport.SendAsync(
            DockerRequest.Delete(ContainerPath(id), new QueryString().Add("force", force).Add("v", removeVolumes)), cancellationToken);

    public Task<ContainerInspect> InspectAsync(string id, CancellationToken cancellationToken = default) =>
        transport.GetJsonAsync<ContainerInspect>(DockerRequest.Get($"{ContainerPath(id)}/json"), cancellationToken);

    public async Task<long> WaitAsync(string id, CancellationToken cancellationToken = default)
    {
        var request = DockerRequest.Post($"{ContainerPath(id)}/wait", new QueryString().Add("condition", "not-running"))
            with { ClientTimeout = Timeout.InfiniteTimeSpan };
        var result = await transport.GetJsonAsync<ContainerWaitResponse>(request, cancellationToken).ConfigureAwait(false);
        if (result.Error?.Message is { Length: > 0 } error)
        {
            throw new DockerException($"Waiting for container {id} failed: {error}");
        }

        return result.StatusCode;
    }

    public async Task<string> GetLogsAsync(string id, int tail = 100, CancellationToken cancellationToken = default)
    {
        var inspect = await InspectAsync(id, cancellationToken).ConfigureAwait(false);
        var query = new QueryString()
            .Add("stdout", true)
            .Add("stderr", true)
            .Add("tail", tail < 0 ? "all" : tail.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var request = DockerRequest.Get($"{ContainerPath(id)}/logs", query) with { ClientTimeout = Timeout.InfiniteTimeSpan };
        return await transport.SendAsync(
            request,
            async (response, token) =>
            {
                using var output = new MemoryStream();
                var body = await response.Content.ReadAsStreamAsync(token).ConfigureAwait(false);
                await using (body.ConfigureAwait(false))
                {
                    if (inspect.Config.Tty)
                    {
                        await body.CopyToAsync(output, token).ConfigureAwait(false);
                    }
                    else
                    {
                        await StreamDemultiplexer.CopyAsync(body, output, output, token).ConfigureAwait(false);
                    }
                }

                return Encoding.UTF8.GetString(output.GetBuffer(), 0, (int)output.Length);
            },
            cancellationToken).ConfigureAwait(false);
    }

    public Task PutArchiveAsync(string id, string path, Stream tar, bool copyUidGid = false, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(tar);
        var query = new QueryString().Add("path", path).Add("copyUIDGID", copyUidGid);
        var request = new DockerRequest(HttpMethod.Put, $"{ContainerPath(id)}/archive")
        {
            Query = query,
            Content = () =>
            {
                var content = new StreamContent(tar);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/x-tar");
                return content;
            },
            ClientTimeout = Timeout.InfiniteTimeSpan,
        };
        return transport.SendAsync(request, cancellationToken);
    }

    public Task<ContainerStats> GetStatsAsync(string id, CancellationToken cancellationToken = default) =>
        transport.GetJsonAsync<ContainerStats>(
            DockerRequest.Get($"{ContainerPath(id)}/stats", new QueryString().Add("stream", false)), cancellationToken);

    private static string ContainerPath(string id) => $"/containers/{DockerPath.Segment(id, nameof(id))}";

    private DockerRequest StopLike(string path, int? timeoutSeconds)
    {
        if (timeoutSeconds is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(timeoutSeconds), timeoutSeconds, "Must be zero or more seconds.");
        }

        return DockerRequest.Post(path, new QueryString().Add("t", timeoutSeconds)) with
        {
            AlsoSuccessful = [NotModified],
            ClientTimeout = timeoutSeconds is { } seconds
                ? transport.RequestTimeoutPlus(TimeSpan.FromSeconds(seconds))
                : Timeout.InfiniteTimeSpan,
        };
    }
}
