using Docker.DotNet;

namespace Provisioner.Docker.Engine;

/// <summary>
/// One Docker engine: the Docker.DotNet client (retrying idempotent calls, with a client timeout) and the raw calls
/// of ours where the library falls short on API 1.41. Thread-safe; create one per engine with
/// <see cref="DockerEngineFactory"/> and dispose it when done.
/// </summary>
internal sealed class DockerEngine : IDisposable
{
    internal DockerEngine(IDockerClient client, Uri endpoint, TimeSpan requestTimeout, HttpClient raw)
    {
        Client = client;
        Endpoint = endpoint;
        RequestTimeout = requestTimeout;
        DiskUsage = new SystemDfReader(raw);
    }

    /// <summary>The Docker.DotNet client. Errors surface as its exceptions; <see cref="EngineErrorMapping"/> maps them.</summary>
    public IDockerClient Client { get; }

    /// <summary>The engine's address, e.g. <c>unix:///var/run/docker.sock</c>.</summary>
    public Uri Endpoint { get; }

    /// <summary>The client deadline of ordinary requests (named in the error when the engine does not answer in time).</summary>
    public TimeSpan RequestTimeout { get; }

    /// <summary>Volume sizes from <c>/system/df</c>, read in the shape the engine speaks.</summary>
    internal SystemDfReader DiskUsage { get; }

    public void Dispose()
    {
        Client.Dispose();
        DiskUsage.Dispose();
    }
}
