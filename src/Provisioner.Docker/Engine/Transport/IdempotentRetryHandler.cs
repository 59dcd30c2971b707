using Polly;

namespace Provisioner.Docker.Engine;

/// <summary>
/// Sits in front of Docker.DotNet's transport handler: GET and HEAD requests (list, inspect, ping, info, logs) go
/// through the retry pipeline; every other method (create, start, stop, remove, exec, archive upload) is sent once.
/// </summary>
internal sealed class IdempotentRetryHandler(HttpMessageHandler inner, ResiliencePipeline retry) : DelegatingHandler(inner)
{
    public static bool IsIdempotent(HttpMethod method) => method == HttpMethod.Get || method == HttpMethod.Head;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        IsIdempotent(request.Method)
            ? retry.ExecuteAsync(token => new ValueTask<HttpResponseMessage>(base.SendAsync(request, token)), cancellationToken).AsTask()
            : base.SendAsync(request, cancellationToken);
}
