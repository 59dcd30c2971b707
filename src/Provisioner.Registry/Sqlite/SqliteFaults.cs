using Microsoft.Data.Sqlite;
using Provisioner.Core.Errors;

namespace Provisioner.Registry.Sqlite;

/// <summary>
/// Maps SQLite's errors on the registry file to one-line errors that name the file and say what to do: busy (another
/// process holds a write transaction past the busy timeout) is exit 3 like a held lock; a file that is not a database
/// (garbage, truncated) and a full disk are exit 1. SQLite writes a transaction whole or not at all, so none of these
/// leaves a half-written registry.
/// </summary>
internal static class SqliteFaults
{
    private const int Busy = 5;
    private const int Locked = 6;
    private const int IoError = 10;
    private const int Corrupt = 11;
    private const int ReadOnly = 8;
    private const int Full = 13;
    private const int NotADatabase = 26;

    /// <summary>The error for the first SQLite fault in <paramref name="e"/> or its inner exceptions; null if there is none.</summary>
    public static ProvisionerException? Map(Exception e, string file)
    {
        for (var x = (Exception?)e; x is not null; x = x.InnerException)
        {
            if (x is SqliteException s)
            {
                return Map(s, file);
            }
        }

        return null;
    }

    private static ProvisionerException? Map(SqliteException e, string file) => e.SqliteErrorCode switch
    {
        Busy or Locked => new ProvisionerException(
            $"registry {file} is busy: another process holds a write transaction on it", ExitCodes.Locked,
            $"rerun when it has finished; `fuser {file}` names the processes that have it open; nothing was written", e),
        Corrupt or NotADatabase => new ProvisionerException(
            $"registry {file} is not a readable SQLite database ({e.Message.Replace("SQLite Error " + e.SqliteErrorCode + ": ", "", StringComparison.Ordinal).Trim('\'', ' ', '.')})",
            ExitCodes.Failed,
            "put back a copy of it, or move it aside to start an empty registry; it was not changed", e),
        Full or IoError or ReadOnly when NoSpaceLeft(file) => new ProvisionerException(
            $"disk full: registry {file} cannot grow", ExitCodes.Failed,
            "free space on its filesystem and rerun the command; what was written before stays readable and nothing was half-written", e),
        _ => null,
    };

    /// <summary>
    /// Whether the file's filesystem is full: SQLite reports a full disk as SQLITE_FULL, or, when the WAL's shared memory
    /// cannot grow (tmpfs), as a plain I/O error.
    /// </summary>
    internal static bool NoSpaceLeft(string file)
    {
        try
        {
            return new DriveInfo(Path.GetDirectoryName(file)!).AvailableFreeSpace < 64 * 1024;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return false;
        }
    }
}
