using System.Net;

namespace Provisioner.Docker.Engine;

/// <summary>The engine answered 404: the container, network, volume, image or exec does not exist.</summary>
public sealed class DockerNotFoundException : DockerApiException
{
    /// <summary>Creates a not-found error.</summary>
    public DockerNotFoundException(string engineMessage, string request)
        : base(HttpStatusCode.NotFound, engineMessage, request)
    {
    }
}
