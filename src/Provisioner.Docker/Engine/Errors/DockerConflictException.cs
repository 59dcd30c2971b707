using System.Net;

namespace Provisioner.Docker.Engine;

/// <summary>
/// The engine answered 409: the name is already in use, the resource is in use, or the container is
/// in the wrong state for the operation.
/// </summary>
public sealed class DockerConflictException : DockerApiException
{
    /// <summary>Creates a conflict error.</summary>
    public DockerConflictException(string engineMessage, string request)
        : base(HttpStatusCode.Conflict, engineMessage, request)
    {
    }
}
