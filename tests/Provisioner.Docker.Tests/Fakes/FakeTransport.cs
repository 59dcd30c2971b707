using Docker.DotNet.Handler.Abstractions;
using Microsoft.Extensions.Logging;

namespace Provisioner.Docker.Tests.Fakes;

/// <summary>A Docker.DotNet transport that hands every request to a <see cref="FakeEngineHandler"/> (no streams to hijack).</summary>
internal sealed class FakeTransport(FakeEngineHandler handler) : IDockerHandlerFactory
{
    public ResolvedTransport CreateHandler(ResolvedClientOptions clientOptions, ILogger logger) => new(handler, new Uri("http://fake.engine/"));

    public Task<WriteClosableStream> HijackStreamAsync(HttpContent content) => throw new NotSupportedException("the fake engine has no exec streams");
}
