using System.Globalization;
using System.Net.Sockets;
using Polly;

namespace Provisioner.Docker.Engine;

/// <summary>
/// Sends Engine API requests: negotiates the API version once (lazily, from <c>GET /_ping</c>), prefixes
/// paths with <c>/v{version}</c>, retries idempotent requests, applies the client deadline and maps
/// failures to the typed <see cref="DockerException"/>s.
/// </summary>
internal sealed class DockerTransport : IDisposable
{
    private const int MaxErrorBodyChars = 64 * 1024;

    private readonly HttpClient _http;
    private readonly DockerSocketConnector _connector;
    private readonly ResiliencePipeline _retry;
    private readonly TimeSpan _requestTimeout;
    private readonly string _maxApiVersion;
    private readonly SemaphoreSlim _negotiation = new(1, 1);
    private string? _apiVersion;

    public DockerTransport(
        HttpMessageHandler handler,
        DockerEndpoint endpoint,
        DockerClientOptions options,
        ResiliencePipeline retry,
        TimeProvider timeProvider)
    {
        Endpoint = endpoint;
        TimeProvider = timeProvider;
        _connector = new DockerSocketConnector(endpoint);
        _retry = retry;
        _requestTimeout = options.RequestTimeout;
        _maxApiVersion = options.MaxApiVersion;
        _http = new HttpClient(handler, disposeHandler: true)
        {
            BaseAddress = endpoint.BaseAddress,
            Timeout = System.Threading.Timeout.InfiniteTimeSpan,
        };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("provisioner-docker/1.0");
    }

    public DockerEndpoint Endpoint { get; }

    public TimeProvider TimeProvider { get; }

    /// <summary>The client deadline plus <paramref name="extra"/> (for calls that wait on the engine, e.g. stop).</summary>
    public TimeSpan RequestTimeoutPlus(TimeSpan extra) =>
        _requestTimeout == System.Threading.Timeout.InfiniteTimeSpan ? _requestTimeout : _requestTimeout + extra;

    /// <summary>Pings the engine and (re)negotiates the API version: min(engine's, <see cref="DockerClientOptions.MaxApiVersion"/>).</summary>
    public async Task<string> PingAsync(CancellationToken cancellationToken)
    {
        var request = new DockerRequest(HttpMethod.Get, "/_ping") { Versioned = false };
        var serverVersion = await SendAsync(
            request,
            (response, _) => Task.FromResult(
                response.Headers.TryGetValues("Api-Version", out var values) ? values.FirstOrDefault() : null),
            cancellationToken).ConfigureAwait(false);
        var negotiated = ApiVersion.Negotiate(serverVersion, _maxApiVersion);
        Volatile.Write(ref _apiVersion, negotiated);
        return negotiated;
    }

    /// <summary>The negotiated version; pings once on first use (concurrent first calls share one ping).</summary>
    public async ValueTask<string> GetApiVersionAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _apiVersion) is { } known)
        {
            return known;
        }

        await _negotiation.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return Volatile.Read(ref _apiVersion) ?? await PingAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _negotiation.Release();
        }
    }

    /// <summary>Sends a request and reads its response with <paramref name="read"/>, all inside the deadline.</summary>
    public async Task<T> SendAsync<T>(
        DockerRequest request,
        Func<HttpResponseMessage, CancellationToken, Task<T>> read,
        CancellationToken cancellationToken)
    {
        using var deadline = StartDeadline(request, cancellationToken);
        var token = deadline?.Token ?? cancellationToken;
        try
        {
            using var response = await SendCoreAsync(request, token).ConfigureAwait(false);
            return await read(response, token).ConfigureAwait(false);
        }
        catch (Exception ex) when (Translate(ex, deadline, cancellationToken) is { } translated)
        {
            throw translated;
        }
    }

    /// <summary>Sends a request and hands back the open response (for streamed bodies); the caller disposes it.</summary>
    public async Task<HttpResponseMessage> OpenAsync(DockerRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await SendCoreAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (Translate(ex, null, cancellationToken) is { } translated)
        {
            throw translated;
        }
    }

    /// <summary>
    /// Sends a request on a dedicated connection asking the engine to upgrade (hijack) it, then hands the
    /// raw duplex connection to <paramref name="use"/>. No client deadline: bounded by the caller's token.
    /// </summary>
    public async Task<T> SendHijackedAsync<T>(
        DockerRequest request,
        Func<HijackedConnection, CancellationToken, Task<T>> use,
        CancellationToken cancellationToken)
    {
        try
        {
            var prefix = "/v" + await GetApiVersionAsync(cancellationToken).ConfigureAwait(false);
            var body = request.Content is null
                ? []
                : await request.Content().ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            var connection = await HijackedConnection.OpenAsync(
                _connector, request.Method.Method, prefix + request.Path + request.Query, body, cancellationToken)
                .ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                if (connection.StatusCode >= 400)
                {
                    throw DockerErrors.FromResponse(
                        (System.Net.HttpStatusCode)connection.StatusCode, connection.ErrorBody, request.Describe(prefix));
                }

                return await use(connection, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (Translate(ex, null, cancellationToken) is { } translated)
        {
            throw translated;
        }
    }

    public void Dispose()
    {
        _http.Dispose();
        _negotiation.Dispose();
    }

    private async Task<HttpResponseMessage> SendCoreAsync(DockerRequest request, CancellationToken token)
    {
        var prefix = request.Versioned ? "/v" + await GetApiVersionAsync(token).ConfigureAwait(false) : "";
        var uri = new Uri(prefix + request.Path + request.Query, UriKind.Relative);
        var pipeline = request.IsIdempotent ? _retry : ResiliencePipeline.Empty;
        var response = await pipeline.ExecuteAsync(
            async attemptToken =>
            {
                // Not disposed on purpose: disposing would also close a caller's request body stream.
                var message = new HttpRequestMessage(request.Method, uri) { Content = request.Content?.Invoke() };
                return await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, attemptToken)
                    .ConfigureAwait(false);
            },
            token).ConfigureAwait(false);

        var status = (int)response.StatusCode;
        if (status is >= 200 and < 300 || request.AlsoSuccessful.Contains(status))
        {
            return response;
        }

        using (response)
        {
            var body = await ReadErrorBodyAsync(response, token).ConfigureAwait(false);
            throw DockerErrors.FromResponse(response.StatusCode, body, request.Describe(prefix));
        }
    }

    private static async Task<string> ReadErrorBodyAsync(HttpResponseMessage response, CancellationToken token)
    {
        var body = await response.Content.ReadAsStringAsync(token).ConfigureAwait(false);
        return body.Length > MaxErrorBodyChars ? body[..MaxErrorBodyChars] : body;
    }

    private RequestDeadline? StartDeadline(DockerRequest request, CancellationToken cancellationToken)
    {
        var timeout = request.ClientTimeout ?? _requestTimeout;
        return timeout == System.Threading.Timeout.InfiniteTimeSpan
            ? null
            : new RequestDeadline(timeout, TimeProvider, cancellationToken);
    }

    private DockerException? Translate(Exception ex, RequestDeadline? deadline, CancellationToken callerToken)
    {
        switch (ex)
        {
            case DockerException:
                return null;
            case OperationCanceledException when callerToken.IsCancellationRequested:
                return null;
            case OperationCanceledException when deadline is { Expired: true }:
                var seconds = deadline.Timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
                return new DockerEngineUnreachableException(Endpoint.Display, $"no response within {seconds} s", ex);
            case OperationCanceledException:
            case HttpRequestException:
            case IOException:
            case SocketException:
                return DockerErrors.Unreachable(Endpoint, ex);
            default:
                return null;
        }
    }
}
