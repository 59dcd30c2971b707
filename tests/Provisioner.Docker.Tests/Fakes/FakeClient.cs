using Provisioner.Docker.Engine;

namespace Provisioner.Docker.Tests.Fakes;

/// <summary>Clients over a <see cref="FakeDockerHandler"/>, with no retry delay.</summary>
internal static class FakeClient
{
    public static IDockerClient Create(FakeDockerHandler handler, DockerClientOptions? options = null) =>
        DockerClientFactory.Create(
            options ?? new DockerClientOptions { Endpoint = "unix:///fake/docker.sock" },
            handler,
            TimeProvider.System,
            TimeSpan.Zero);
}
