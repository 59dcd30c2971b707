using Docker.DotNet;
using Docker.DotNet.Handler.Abstractions;
using Polly;

namespace Provisioner.Docker.Engine;

/// <summary>
/// Docker.DotNet's builder with one change: the transport it picks for the endpoint's scheme (or, in tests, a fake
/// one) is wrapped in <see cref="RetryingHandlerFactory"/>. It also builds a plain <see cref="HttpClient"/> on the same
/// kind of transport, for the few raw calls the library models in a newer shape than the engine speaks.
/// </summary>
internal sealed class EngineClientBuilder(ResiliencePipeline retry, IDockerHandlerFactory? transport) : DockerClientBuilder
{
    /// <summary>A raw client whose base address is the engine (unversioned paths, e.g. <c>system/df</c>).</summary>
    public HttpClient BuildRawClient()
    {
        var options = CreateResolvedClientOptions();
        var resolved = ResolveTransportFactory(options.Endpoint.Scheme).CreateHandler(options, Logger);
        return new HttpClient(resolved.Handler, disposeHandler: true) { BaseAddress = resolved.EffectiveEndpoint, Timeout = options.Timeout };
    }

    protected override IDockerHandlerFactory ResolveTransportFactory(string scheme) =>
        new RetryingHandlerFactory(transport ?? base.ResolveTransportFactory(scheme), retry);
}
