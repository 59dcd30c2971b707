using Microsoft.Extensions.Logging.Abstractions;
using Provisioner.Docker.Engine;

namespace Provisioner.Docker.Tests.Fakes;

/// <summary>A <see cref="DockerEngine"/> over a <see cref="FakeEngineHandler"/>: the real Docker.DotNet client and our seam, no socket.</summary>
internal static class FakeEngine
{
    public static DockerEngine Create(FakeEngineHandler handler, TimeSpan? requestTimeout = null) => DockerEngineFactory.Create(
        new DockerEngineOptions { Endpoint = "unix:///fake/docker.sock", RequestTimeout = requestTimeout ?? TimeSpan.FromSeconds(30) },
        new FakeTransport(handler),
        retryBaseDelay: TimeSpan.Zero,
        NullLogger.Instance);
}
