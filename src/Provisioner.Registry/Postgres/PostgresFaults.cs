using System.Net.Sockets;
using Npgsql;
using Provisioner.Core.Errors;

namespace Provisioner.Registry.Postgres;

/// <summary>
/// Maps Npgsql's exceptions to one-line errors that name the registry (host:port, never the password) and say what to do.
/// Connection faults (refused, reset, the server shutting down) become <see cref="RegistryUnreachableException"/>.
/// </summary>
internal static class PostgresFaults
{
    private static readonly string[] ServerGoingAway = ["57P01", "57P02", "57P03", "53300"];

    public static Exception? Map(Exception e, PostgresLocation where) => e switch
    {
        ProvisionerException or OperationCanceledException => null,
        PostgresException p when p.SqlState.StartsWith("08", StringComparison.Ordinal) || ServerGoingAway.Contains(p.SqlState) =>
            new RegistryUnreachableException(where.Endpoint, p.MessageText, e),
        PostgresException { SqlState: "28P01" or "28000" } p => new ProvisionerException(
            $"registry at {where.Endpoint} refused the login{(where.User is null ? "" : $" of {where.User}")} ({p.MessageText})", ExitCodes.Failed,
            "check the user and password in the registry URL, PGPASSWORD or ~/.pgpass", e),
        PostgresException { SqlState: "3D000" } => new ProvisionerException(
            $"registry database '{where.Database}' does not exist at {where.Endpoint}", ExitCodes.Failed,
            $"create it once for the team, e.g. `createdb -h {where.Host} -p {where.Port}{(where.User is null ? "" : $" -U {where.User}")} {where.Database}`", e),
        PostgresException { SqlState: "42501" } p => new ProvisionerException(
            $"registry at {where.Display}: permission denied ({p.MessageText})", ExitCodes.Failed,
            "the registry's user needs to create tables in its database (the schema is migrated on first use)", e),
        PostgresException p => new ProvisionerException($"registry at {where.Display} failed: {p.MessageText} ({p.SqlState})", ExitCodes.Failed, null, e),
        NpgsqlException n when IsConnectionFault(n) => new RegistryUnreachableException(where.Endpoint, Reason(n), e),
        NpgsqlException n => new ProvisionerException($"registry at {where.Display} failed: {OneLine(n.Message)}", ExitCodes.Failed, null, e),
        _ => null,
    };

    /// <summary>Runs <paramref name="work"/>; a database fault comes out as the mapped error.</summary>
    public static T Guard<T>(PostgresLocation where, Func<T> work)
    {
        try
        {
            return work();
        }
        catch (Exception e) when (Map(e, where) is { } mapped)
        {
            throw mapped;
        }
    }

    public static async Task<T> GuardAsync<T>(PostgresLocation where, Func<Task<T>> work)
    {
        try
        {
            return await work();
        }
        catch (Exception e) when (Map(e, where) is { } mapped)
        {
            throw mapped;
        }
    }

    private static bool IsConnectionFault(NpgsqlException e) =>
        e.IsTransient || e.InnerException is SocketException or IOException or TimeoutException or EndOfStreamException;

    /// <summary>The innermost cause in a few words: "Connection refused", "the server closed the connection".</summary>
    private static string Reason(Exception e)
    {
        var inner = e;
        while (inner.InnerException is not null)
        {
            inner = inner.InnerException;
        }

        return inner switch
        {
            SocketException s => OneLine(s.Message),
            EndOfStreamException => "the server closed the connection",
            TimeoutException => "timed out",
            _ => OneLine(inner.Message),
        };
    }

    private static string OneLine(string text) => text.Split('\n')[0].Trim().TrimEnd('.');
}
