using System.Globalization;
using System.Text;
using Provisioner.Core.Backends;
using Provisioner.Core.Errors;

namespace Provisioner.Core.Upgrades;

/// <summary>
/// Backups with the tools inside the tenant's PostgreSQL component, reached through the backend (no database port
/// is published): <c>pg_dump</c> (plain SQL) out, <c>psql</c> in. Verification restores into a scratch database.
/// </summary>
public sealed class PostgresDumpBackups(ITenantBackend backend) : IDatabaseBackups
{
    /// <summary>The scratch database a backup is restored into for verification (dropped afterwards).</summary>
    public const string ScratchDatabase = "provision_verify";

    public async Task<long> SizeAsync(string tenant, DatabaseTarget db, CancellationToken ct) =>
        long.Parse(await QueryAsync(tenant, db, db.Database, "select pg_database_size(current_database())", ct), CultureInfo.InvariantCulture);

    public Task<string> ChecksumAsync(string tenant, DatabaseTarget db, CancellationToken ct) =>
        QueryAsync(tenant, db, db.Database, DatabaseChecksum.Sql, ct);

    public async Task<BackupInfo> BackupAsync(string tenant, DatabaseTarget db, string path, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var partial = path + ".partial";
        var dump = await RunAsync(tenant, db, ["pg_dump", "--no-password", "--dbname", db.Database], "pg_dump", ct);
        await using (var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            var bytes = Encoding.UTF8.GetBytes(dump);
            await file.WriteAsync(bytes, ct);
            file.Flush(flushToDisk: true);
        }

        File.Move(partial, path, overwrite: true);
        var live = await ChecksumAsync(tenant, db, ct);
        var restored = await VerifyAsync(tenant, db, path, ct);
        if (restored != live)
        {
            throw new ProvisionerException(
                $"backup {path} does not match the database (restored checksum {restored}, live {live})",
                hint: "the database changed while it was dumped, or the dump is incomplete; retry the upgrade");
        }

        return new BackupInfo(path, new FileInfo(path).Length, live);
    }

    public async Task RestoreAsync(string tenant, DatabaseTarget db, string path, CancellationToken ct)
    {
        var owner = await QueryAsync(tenant, db, "postgres", $"select pg_get_userbyid(datdba) from pg_database where datname = '{db.Database.Replace("'", "''", StringComparison.Ordinal)}'", ct);
        owner = owner.Length == 0 ? db.User : owner;
        await RunAsync(tenant, db, Psql("postgres", $"drop database if exists {Ident(db.Database)} with (force)"), "drop database", ct);
        await RunAsync(tenant, db, Psql("postgres", $"create database {Ident(db.Database)} owner {Ident(owner)}"), "create database", ct);
        await LoadAsync(tenant, db, db.Database, path, ct);
    }

    private async Task<string> VerifyAsync(string tenant, DatabaseTarget db, string path, CancellationToken ct)
    {
        await RunAsync(tenant, db, Psql("postgres", $"drop database if exists {ScratchDatabase} with (force)"), "drop scratch database", ct);
        await RunAsync(tenant, db, Psql("postgres", $"create database {ScratchDatabase}"), "create scratch database", ct);
        try
        {
            await LoadAsync(tenant, db, ScratchDatabase, path, ct);
            return await QueryAsync(tenant, db, ScratchDatabase, DatabaseChecksum.Sql, ct);
        }
        finally
        {
            await RunAsync(tenant, db, Psql("postgres", $"drop database if exists {ScratchDatabase} with (force)"), "drop scratch database", CancellationToken.None);
        }
    }

    private async Task LoadAsync(string tenant, DatabaseTarget db, string database, string path, CancellationToken ct)
    {
        await using var input = File.OpenRead(path);
        var result = await backend.ExecWithInputAsync(
            tenant, db.Component, ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "--single-transaction", "-d", database], db.User, input, ct);
        if (!result.Succeeded)
        {
            throw new ProvisionerException($"restoring {Path.GetFileName(path)} into {database} failed (psql exit {result.ExitCode}): {Tail(result.Stderr)}");
        }
    }

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

    private static string Tail(string text)
    {
        var t = text.Trim();
        return t.Length > 400 ? "..." + t[^400..] : t;
    }
}
