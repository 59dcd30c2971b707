namespace Provisioner.Docker.Engine;

/// <summary>
/// Base type of every error raised by the Docker Engine client: API errors, an unreachable engine,
/// and malformed responses.
/// </summary>
public class DockerException : Exception
{
    /// <summary>Creates an error with a message.</summary>
    public DockerException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an error with a message and the error that caused it.</summary>
    public DockerException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
