using System.Net;
using System.Text;

namespace Provisioner.Docker.Tests.Fakes;

/// <summary>
/// A Docker engine in memory: answers by method and path (<c>containers/json</c>, no version prefix) and records every
/// request. A path with no answer gets 404 with an engine-style body.
/// </summary>
internal sealed class FakeEngineHandler : HttpMessageHandler
{
    private readonly Dictionary<(HttpMethod, string), Func<RecordedRequest, CancellationToken, Task<HttpResponseMessage>>> _answers = [];
    private readonly List<RecordedRequest> _requests = [];

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    public int Count(HttpMethod method, string path) => Requests.Count(r => r.Method == method && r.Path == path);

    public FakeEngineHandler On(HttpMethod method, string path, Func<HttpResponseMessage> answer) =>
        On(method, path, (_, _) => Task.FromResult(answer()));

    public FakeEngineHandler On(HttpMethod method, string path, Func<RecordedRequest, CancellationToken, Task<HttpResponseMessage>> answer)
    {
        _answers[(method, path)] = answer;
        return this;
    }

    public static HttpResponseMessage Json(string json, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    public static HttpResponseMessage Error(HttpStatusCode status, string message) =>
        Json($$"""{"message":"{{message}}"}""", status);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        var path = request.RequestUri!.AbsolutePath.TrimStart('/');
        var recorded = new RecordedRequest(request.Method, path, Uri.UnescapeDataString(request.RequestUri.Query.TrimStart('?')), body);
        lock (_requests)
        {
            _requests.Add(recorded);
        }

        return _answers.TryGetValue((request.Method, path), out var answer)
            ? await answer(recorded, cancellationToken)
            : Error(HttpStatusCode.NotFound, $"page not found: {request.Method} {path}");
    }
}
