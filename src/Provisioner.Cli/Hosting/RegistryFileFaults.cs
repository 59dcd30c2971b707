using Microsoft.Data.Sqlite;
using Provisioner.Core.Errors;

namespace Provisioner.Cli.Hosting;

/// <summary>
/// The SQLite registry's faults that surface while a command runs (the library maps those of opening the file itself):
/// busy past the busy timeout (another process holds a write transaction) is exit 3 like a held lock, a full disk and a
/// damaged file exit 1, each one line naming the file. SQLite writes a transaction whole or not at all.
/// </summary>
internal static class RegistryFileFaults
{
    private const int Busy = 5;
    private const int Locked = 6;
    private const int IoError = 10;
    private const int Corrupt = 11;
    private const int ReadOnly = 8;
    private const int Full = 13;
    private const int NotADatabase = 26;

    /// <summary>The error for the first SQLite fault in <paramref name="e"/> or its inner ones; null if there is none or it was mapped already.</summary>
    public static ProvisionerException? Map(Exception e)
    {
        for (var x = (Exception?)e; x is not null and not ProvisionerException; x = x.InnerException)
        {
            if (x is SqliteException db)
            {
                return Map(db, Path.Combine(CliPaths.Home(), "registry.db"));
            }
        }

        return null;
    }

    private static ProvisionerException? Map(SqliteException e, string file) => e.SqliteErrorCode switch
    {
        Busy or Locked => new ProvisionerException(
            $"registry {file} is busy: another process holds a write transaction on it", ExitCodes.Locked,
            $"rerun when it has finished (`fuser {file}` names the processes that have it open); this command's change was not written", e),
        Full or IoError or ReadOnly when NoSpaceLeft(file) => new ProvisionerException(
            $"disk full: registry {file} cannot grow", ExitCodes.Failed,
            "free space on its filesystem and rerun the command; what was written before stays readable, nothing was half-written", e),
        Corrupt or NotADatabase => new ProvisionerException(
            $"registry {file} is not a readable SQLite database", ExitCodes.Failed,
            "put back a copy of it, or move it aside to start an empty registry; it was not changed", e),
        _ => null,
    };

    /// <summary>SQLite reports a full disk as SQLITE_FULL, or, when the WAL's shared memory cannot grow (tmpfs), as an I/O error.</summary>
    private static bool NoSpaceLeft(string file)
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
