using System.Globalization;
using Provisioner.Core.Backends;
using Provisioner.Core.Errors;

namespace Provisioner.Core.Upgrades;

/// <summary>
/// Backups with the tools inside the tenant's PostgreSQL component, reached through the backend (no database port
/// is published): <c>pg_dump</c> (plain SQL) streamed to a file, <c>psql</c> fed from it. Verification and restore both
/// load into a scratch database first, so the live database is replaced only by a complete copy whose checksum matches
/// the one recorded beside the dump when it was verified.
/// </summary>
public sealed class PostgresDumpBackups(ITenantBackend backend) : IDatabaseBackups
{
    /// <summary>The scratch database a backup is restored into for verification (dropped afterwards).</summary>
    public const string ScratchDatabase = "provision_verify";

    /// <summary>Where a restore is loaded before it replaces the live database.</summary>
    public const string RestoreDatabase = "provision_restore";

    public async Task<long> SizeAsync(string tenant, DatabaseTarget db, CancellationToken ct) =>
        long.Parse(await QueryAsync(tenant, db, db.Database, "select pg_database_size(current_database())", ct), CultureInfo.InvariantCulture);

    public Task<string> ChecksumAsync(string tenant, DatabaseTarget db, CancellationToken ct) =>
        QueryAsync(tenant, db, db.Database, DatabaseChecksum.Sql, ct);

    public async Task<BackupInfo> BackupAsync(string tenant, DatabaseTarget db, string path, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        DeletePartials(path);
        var partial = path + ".partial";
        try
        {
            await using (var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                var dump = await backend.ExecToStreamAsync(tenant, db.Component, ["pg_dump", "--no-password", "--dbname", db.Database], db.User, file, ct);
                if (!dump.Succeeded)
                {
                    throw new ProvisionerException($"pg_dump in {tenant}'s {db.Component} failed (exit {dump.ExitCode}): {Tail(dump.Stderr)}");
                }

                file.Flush(flushToDisk: true);
            }

            var live = await ChecksumAsync(tenant, db, ct);
            var restored = await LoadAndChecksumAsync(tenant, db, ScratchDatabase, partial, ct);
            await DropAsync(tenant, db, ScratchDatabase);
            if (restored != live)
            {
                throw new ProvisionerException(
                    $"backup of {tenant} does not match its database (restored checksum {restored}, live {live})",
                    hint: "the database changed while it was dumped, or the dump is incomplete; retry the upgrade");
            }

            // The checksum goes beside the dump (written first), so a restore can prove it loaded the same rows.
            await File.WriteAllTextAsync(ChecksumFile(path) + ".partial", live + "\n", CancellationToken.None);
            File.Move(ChecksumFile(path) + ".partial", ChecksumFile(path), overwrite: true);
            File.Move(partial, path, overwrite: true);
            return new BackupInfo(path, new FileInfo(path).Length, live);
        }
        catch
        {
            File.Delete(partial);
            throw;
        }
    }

    public async Task RestoreAsync(string tenant, DatabaseTarget db, string path, CancellationToken ct)
    {
        var owner = await QueryAsync(tenant, db, "postgres", $"select pg_get_userbyid(datdba) from pg_database where datname = {Literal(db.Database)}", ct);
        owner = owner.Length == 0 ? db.User : owner;
        var restored = await LoadAndChecksumAsync(tenant, db, RestoreDatabase, path, ct, owner);
        var expected = File.Exists(ChecksumFile(path)) ? (await File.ReadAllTextAsync(ChecksumFile(path), ct)).Trim() : null;
        if (expected is not null && restored != expected)
        {
            await DropAsync(tenant, db, RestoreDatabase);
            throw new ProvisionerException(
                $"the restored copy of {Path.GetFileName(path)} does not match the checksum taken when it was made (restored {restored}, expected {expected}); the live database was left as it is",
                hint: $"the backup file may be damaged; keep {path} and its .checksum for inspection");
        }

        // Only a complete load that matches the backup's checksum replaces the live database; until here it is as it was.
        await RunAsync(tenant, db, Psql("postgres", $"drop database if exists {Ident(db.Database)} with (force)"), "drop database", ct);
        await RunAsync(tenant, db, Psql("postgres", $"alter database {RestoreDatabase} rename to {Ident(db.Database)}"), "rename restored database", ct);
    }

    private async Task<string> LoadAndChecksumAsync(string tenant, DatabaseTarget db, string database, string path, CancellationToken ct, string? owner = null)
    {
        await DropAsync(tenant, db, database);
        await RunAsync(tenant, db, Psql("postgres", $"create database {database}{(owner is null ? "" : $" owner {Ident(owner)}")}"), $"create {database}", ct);
        await using (var input = File.OpenRead(path))
        {
            var result = await backend.ExecWithInputAsync(
                tenant, db.Component, ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "--single-transaction", "-d", database], db.User, input, ct);
            if (!result.Succeeded)
            {
                await DropAsync(tenant, db, database);
                throw new ProvisionerException($"loading {Path.GetFileName(path)} into {database} failed (psql exit {result.ExitCode}): {Tail(result.Stderr)}");
            }
        }

        return await QueryAsync(tenant, db, database, DatabaseChecksum.Sql, ct);
    }

    /// <summary>
    /// Deletes what a dead process left of backups in <paramref name="backup"/>'s folder (<c>*.partial</c>: an unfinished dump
    /// or checksum). Only one upgrade of a tenant runs at a time (its lock), so none of them is being written.
    /// </summary>
    public static void DeletePartials(string backup)
    {
        if (Path.GetDirectoryName(backup) is { } folder && Directory.Exists(folder))
        {
            foreach (var partial in Directory.GetFiles(folder, "*.partial"))
            {
                File.Delete(partial);
            }
        }
    }

    /// <summary>The file beside a backup holding the checksum its rows had when it was verified.</summary>
    public static string ChecksumFile(string backup) => backup + ".checksum";

    private Task DropAsync(string tenant, DatabaseTarget db, string database) =>
        RunAsync(tenant, db, Psql("postgres", $"drop database if exists {database} with (force)"), $"drop {database}", CancellationToken.None);

    private async Task<string> QueryAsync(string tenant, DatabaseTarget db, string database, string sql, CancellationToken ct) =>
        (await RunAsync(tenant, db, ["psql", "-X", "-v", "ON_ERROR_STOP=1", "-d", database, "-tAc", sql], "psql", ct)).Trim();

    private async Task<string> RunAsync(string tenant, DatabaseTarget db, IReadOnlyList<string> command, string what, CancellationToken ct)
    {
        var result = await backend.ExecAsync(tenant, db.Component, command, db.User, ct);
        return result.Succeeded
            ? result.Stdout
            : throw new ProvisionerException($"{what} in {tenant}'s {db.Component} failed (exit {result.ExitCode}): {Tail(result.Stderr)}");
    }

    private static string[] Psql(string database, string sql) => ["psql", "-X", "-v", "ON_ERROR_STOP=1", "-d", database, "-c", sql];

    private static string Ident(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static string Tail(string text)
    {
        var t = text.Trim();
        return t.Length > 400 ? "..." + t[^400..] : t;
    }
}
