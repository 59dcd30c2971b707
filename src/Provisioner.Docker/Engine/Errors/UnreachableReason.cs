using System.Net.Sockets;

namespace Provisioner.Docker.Engine;

/// <summary>Why the engine could not be reached, in words, from the exception Docker.DotNet's transport threw.</summary>
internal static class UnreachableReason
{
    /// <summary>
    /// A missing unix socket is named plainly: .NET reports it as "Cannot assign requested address" (EADDRNOTAVAIL),
    /// which misleads. A refused TCP connection arrives as an <see cref="AggregateException"/> of socket errors.
    /// </summary>
    public static string Of(Exception e, Uri endpoint)
    {
        var innermost = Innermost(e);
        if (innermost is SocketException { SocketErrorCode: SocketError.AddressNotAvailable or SocketError.AddressFamilyNotSupported }
            && EngineAddress.SocketPath(endpoint) is { } path && !File.Exists(path))
        {
            return $"the socket {path} does not exist (No such file or directory)";
        }

        return innermost.Message.TrimEnd('.');
    }

    /// <summary>
    /// Whether a connection to the engine was made and then broke (reset, an answer cut off: a plain I/O error), as
    /// opposed to an engine never reached (socket missing, connection refused): the first needs a rerun, the second the
    /// engine started.
    /// </summary>
    public static bool BrokeOff(Exception e, Uri endpoint) =>
        (EngineAddress.SocketPath(endpoint) is not { } path || File.Exists(path))
        && Innermost(e) switch
        {
            SocketException s => s.SocketErrorCode is SocketError.ConnectionReset or SocketError.ConnectionAborted or SocketError.Shutdown,
            IOException => true,
            InvalidOperationException => true, // the transport parsing a head that stopped partway
            _ => false,
        };

    /// <summary>What to do about it, given the environment (DOCKER_HOST set or not).</summary>
    public static string Hint(Func<string, string?> environment) =>
        environment("DOCKER_HOST") is { Length: > 0 } host
            ? $"start the engine at {host}, or fix or unset DOCKER_HOST"
            : "start it with `make engine` (or `dockerd &`), or point DOCKER_HOST (or engine: in provisioner.yaml) at a running engine";

    private static Exception Innermost(Exception e)
    {
        while (true)
        {
            var next = e is AggregateException { InnerExceptions.Count: > 0 } aggregate ? aggregate.InnerExceptions[0] : e.InnerException;
            if (next is null)
            {
                return e;
            }

            e = next;
        }
    }
}
