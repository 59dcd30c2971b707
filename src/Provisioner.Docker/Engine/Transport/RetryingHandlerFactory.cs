using Docker.DotNet.Handler.Abstractions;
using Microsoft.Extensions.Logging;
using Polly;

namespace Provisioner.Docker.Engine;

/// <summary>Docker.DotNet's transport for the endpoint (unix socket or TCP), with <see cref="IdempotentRetryHandler"/> in front.</summary>
internal sealed class RetryingHandlerFactory(IDockerHandlerFactory inner, ResiliencePipeline retry) : IDockerHandlerFactory
{
    public ResolvedTransport CreateHandler(ResolvedClientOptions clientOptions, ILogger logger)
    {
        var transport = inner.CreateHandler(clientOptions, logger);

        // The client applies its auth provider (TLS client certificates) to the handler it is given; it must reach the
        // transport's own handler, which our retry handler would otherwise hide from it.
        var handler = clientOptions.AuthProvider.ConfigureHandler(transport.Handler);
        return transport with { Handler = new IdempotentRetryHandler(handler, retry) };
    }

    /// <summary>Exec and attach streams: the inner transport's connection, taken over as is.</summary>
    public Task<WriteClosableStream> HijackStreamAsync(HttpContent content) => inner.HijackStreamAsync(content);
}
