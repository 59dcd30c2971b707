using System.Net;
using System.Text;

namespace Provisioner.Core.Tests.Health;

/// <summary>An HTTP server in a handler: answers each request with a script; records what was sent (method, path, body).</summary>
internal sealed class FakeHttpHandler(Func<HttpRequestMessage, string, (HttpStatusCode Status, string Body)> answer) : HttpMessageHandler
{
    public List<string> Requests { get; } = [];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Add($"{request.Method} {request.RequestUri!.PathAndQuery} {body}".TrimEnd());
        var (status, text) = answer(request, body);
        return new HttpResponseMessage(status) { Content = new StringContent(text, Encoding.UTF8, "application/json") };
    }
}
