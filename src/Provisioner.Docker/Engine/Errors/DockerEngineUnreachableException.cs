namespace Provisioner.Docker.Engine;

/// <summary>
/// The engine could not be reached: the socket is missing, the connection was refused or dropped,
/// or no answer came within <see cref="DockerClientOptions.RequestTimeout"/>.
/// The message names the endpoint and says how to start the engine.
/// </summary>
public sealed class DockerEngineUnreachableException : DockerException
{
    /// <summary>Creates an unreachable-engine error.</summary>
    /// <param name="endpoint">The endpoint that was tried, e.g. <c>unix:///var/run/docker.sock</c>.</param>
    /// <param name="reason">What went wrong, e.g. <c>Connection refused</c>.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public DockerEngineUnreachableException(string endpoint, string reason, Exception? innerException = null)
        : base(
            $"Cannot reach the Docker engine at {endpoint}: {reason.TrimEnd('.')}. "
            + "Start it (e.g. `make engine`, or `dockerd &`) or set DOCKER_HOST.",
            innerException)
    {
        Endpoint = endpoint;
        Reason = reason;
    }

    /// <summary>The endpoint that was tried.</summary>
    public string Endpoint { get; }

    /// <summary>What went wrong.</summary>
    public string Reason { get; }
}
