using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Provisioner.Docker.Engine;

/// <summary>Maps engine responses and transport failures to the typed exceptions.</summary>
internal static class DockerErrors
{
    /// <summary>Maps an error status and body to <see cref="DockerApiException"/> or a subtype.</summary>
    public static DockerApiException FromResponse(HttpStatusCode status, string body, string request)
    {
        var message = ExtractMessage(body, status);
        return status switch
        {
            HttpStatusCode.NotFound => new DockerNotFoundException(message, request),
            HttpStatusCode.Conflict => new DockerConflictException(message, request),
            _ => new DockerApiException(status, message, request),
        };
    }

    /// <summary>
    /// Builds the unreachable-engine error from the innermost cause of a transport failure. A missing unix socket
    /// is named plainly: .NET reports it as "Cannot assign requested address" (EADDRNOTAVAIL), which misleads.
    /// </summary>
    public static DockerEngineUnreachableException Unreachable(DockerEndpoint endpoint, Exception cause)
    {
        var innermost = Innermost(cause);
        var reason = innermost is SocketException { SocketErrorCode: SocketError.AddressNotAvailable }
            && endpoint.SocketPath is { } path && !File.Exists(path)
                ? $"the socket {path} does not exist (No such file or directory)"
                : innermost.Message;
        return new DockerEngineUnreachableException(endpoint.Display, reason, cause);
    }

    /// <summary>The engine's <c>message</c> field, else the raw body, else the status name.</summary>
    internal static string ExtractMessage(string body, HttpStatusCode status)
    {
        var trimmed = body.Trim();
        if (trimmed.StartsWith('{'))
        {
            try
            {
                using var document = JsonDocument.Parse(trimmed);
                if (document.RootElement.TryGetProperty("message", out var message)
                    && message.ValueKind == JsonValueKind.String)
                {
                    return message.GetString() ?? status.ToString();
                }
            }
            catch (JsonException)
            {
                // Not JSON after all: fall through to the raw body.
            }
        }

        return trimmed.Length > 0 ? trimmed : status.ToString();
    }

    private static Exception Innermost(Exception cause)
    {
        var innermost = cause;
        while (innermost.InnerException is not null)
        {
            innermost = innermost.InnerException;
        }

        return innermost;
    }
}
