using System.Net;

namespace Provisioner.Docker.Engine;

/// <summary>
/// The engine answered a request with an error status (400 or above). <see cref="EngineMessage"/> is the
/// <c>message</c> field of the engine's JSON error body (or the raw body when it is not JSON).
/// </summary>
public class DockerApiException : DockerException
{
    /// <summary>Creates an API error.</summary>
    /// <param name="statusCode">HTTP status the engine returned.</param>
    /// <param name="engineMessage">The engine's own explanation.</param>
    /// <param name="request">The request that failed, e.g. <c>DELETE /v1.41/networks/t-acme</c>.</param>
    public DockerApiException(HttpStatusCode statusCode, string engineMessage, string request)
        : base($"Docker engine returned {(int)statusCode} {statusCode} for {request}: {engineMessage}")
    {
        StatusCode = statusCode;
        EngineMessage = engineMessage;
        Request = request;
    }

    /// <summary>HTTP status the engine returned.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The engine's explanation (the <c>message</c> field of its error body).</summary>
    public string EngineMessage { get; }

    /// <summary>Method and path of the failed request.</summary>
    public string Request { get; }
}
