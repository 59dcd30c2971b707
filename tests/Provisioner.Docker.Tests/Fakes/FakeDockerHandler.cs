using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Provisioner.Docker.Tests.Fakes;

/// <summary>
/// A hand-written fake engine: answers <c>/_ping</c> with <see cref="ServerApiVersion"/>, routes other requests
/// by method and unversioned path, records everything, and answers 404 for unknown routes.
/// </summary>
internal sealed partial class FakeDockerHandler : HttpMessageHandler
{
    private readonly List<Route> _routes = [];
    private readonly List<RecordedRequest> _requests = [];
    private readonly Lock _gate = new();

    /// <summary>The <c>Api-Version</c> header on <c>/_ping</c>; null leaves the header out.</summary>
    public string? ServerApiVersion { get; set; } = "1.41";

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Requests other than pings.</summary>
    public IReadOnlyList<RecordedRequest> ApiRequests => [.. Requests.Where(request => request.Path != "/_ping")];

    public int PingCount => Requests.Count(request => request.Path == "/_ping");

    /// <summary>Answers <paramref name="method"/> on <paramref name="path"/> (unversioned; exact match) with <paramref name="respond"/>.</summary>
    public FakeDockerHandler On(HttpMethod method, string path, Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> respond)
    {
        lock (_gate)
        {
            _routes.Add(new Route(method, path, respond));
        }

        return this;
    }

    public FakeDockerHandler On(HttpMethod method, string path, Func<HttpResponseMessage> respond) =>
        On(method, path, (_, _) => Task.FromResult(respond()));

    public FakeDockerHandler OnJson(HttpMethod method, string path, string json, HttpStatusCode status = HttpStatusCode.OK) =>
        On(method, path, () => Json(json, status));

    public static HttpResponseMessage Json(string json, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    public static HttpResponseMessage Error(HttpStatusCode status, string message) =>
        Json($$"""{"message":"{{message}}"}""", status);

    public static HttpResponseMessage Raw(byte[] body, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new ByteArrayContent(body) };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        var pathAndQuery = request.RequestUri!.PathAndQuery;
        lock (_gate)
        {
            _requests.Add(new RecordedRequest(request.Method, pathAndQuery, body));
        }

        var path = VersionPrefix().Replace(request.RequestUri.AbsolutePath, "");
        Route? route;
        lock (_gate)
        {
            route = _routes.LastOrDefault(r => r.Method == request.Method && r.Path == path);
        }

        if (route is not null)
        {
            return await route.Respond(request, cancellationToken);
        }

        if (path == "/_ping")
        {
            var ping = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("OK") };
            if (ServerApiVersion is not null)
            {
                ping.Headers.Add("Api-Version", ServerApiVersion);
            }

            return ping;
        }

        return Error(HttpStatusCode.NotFound, $"fake engine: no route for {request.Method} {path}");
    }

    [GeneratedRegex(@"^/v\d+\.\d+")]
    private static partial Regex VersionPrefix();

    private sealed record Route(HttpMethod Method, string Path, Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> Respond);
}
