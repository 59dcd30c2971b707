using System.Globalization;
using System.IO.Compression;
using Provisioner.Core.Data;
using Provisioner.Core.Errors;
using Provisioner.Core.Templates;

namespace Provisioner.Data.Postgres;

/// <summary>
/// A PostgreSQL database in a tenant's component (<c>data: { kind: postgres, database: NAME, user: postgres }</c>), reached
/// with the tools inside it through the backend (no database port is published): <c>pg_dump</c> streamed into a gzip file,
/// verified by loading it into a scratch database and comparing a checksum over every row; a restore loads into another
/// scratch database, which replaces the live one only when its rows match the checksum taken at backup time. A clone copies
/// the whole cluster file by file instead (<see cref="PhysicalClone"/>).
/// </summary>
internal sealed class PostgresDataAdapter : IDataAdapter, IDataQuery, IStagedRestore, IStagedMask, IDirectCopy
{
    private readonly PhysicalClone _clone = new();

    /// <summary>The scratch database a backup is loaded into for verification (dropped afterwards).</summary>
    public const string ScratchDatabase = "provision_verify";

    /// <summary>Where a restore is loaded before it replaces the live database.</summary>
    public const string RestoreDatabase = "provision_restore";

    public DataKindRules Rules { get; } = new("postgres", new HashSet<string> { "database" }, new HashSet<string> { "user" }, null, Queryable: true);

    public bool ServesData => true;

    public string Extension => ".sql.gz";

    public async Task<long> SizeAsync(DataTarget target, CancellationToken ct)
    {
        var psql = new PostgresCommands(target);
        return long.Parse(await psql.QueryAsync(psql.Database, "select pg_database_size(current_database())", ct), CultureInfo.InvariantCulture);
    }

    public Task<string> ChecksumAsync(DataTarget target, CancellationToken ct)
    {
        var psql = new PostgresCommands(target);
        return psql.QueryAsync(psql.Database, DatabaseChecksum.Sql, ct);
    }

    public async Task<string> QueryAsync(DataTarget target, string query, string? database, CancellationToken ct)
    {
        var psql = new PostgresCommands(target);
        return await psql.QueryAsync(database ?? psql.Database, query, ct);
    }

    public Task<string> BackupAsync(DataTarget target, string path, CancellationToken ct) => BackupAsync(target, path, againstLive: true, ct);

    /// <summary>pg_dump's copy is one snapshot: it must load whole in a scratch database; its checksum there is recorded (the live rows moved on).</summary>
    public Task<string> BackupWhileServingAsync(DataTarget target, string path, CancellationToken ct) => BackupAsync(target, path, againstLive: false, ct);

    private Task<string> BackupAsync(DataTarget target, string path, bool againstLive, CancellationToken ct)
    {
        var psql = new PostgresCommands(target);
        return VerifiedFile.WriteAsync(
            path,
            async file =>
            {
                await using var gzip = new GZipStream(file, CompressionLevel.Fastest, leaveOpen: true);
                var dump = await psql.DumpAsync(gzip, ct);
                if (!dump.Succeeded)
                {
                    throw new ProvisionerException($"pg_dump in {target} failed (exit {dump.ExitCode}): {PostgresCommands.Tail(dump.Stderr)}");
                }
            },
            async partial =>
            {
                var live = againstLive ? await ChecksumAsync(target, ct) : null;
                var restored = await LoadAndChecksumAsync(psql, ScratchDatabase, partial, null, ct);
                await psql.DropAsync(ScratchDatabase);
                if (live is null)
                {
                    return restored;
                }

                return restored == live
                    ? live
                    : throw new ProvisionerException(
                        $"backup of {target} does not match its database (restored checksum {restored}, live {live})",
                        hint: "the database changed while it was dumped, or the dump is incomplete; retry");
            },
            ct);
    }

    public async Task RestoreAsync(DataTarget target, string path, string expectedChecksum, CancellationToken ct)
    {
        await StageAsync(target, path, expectedChecksum, ct);
        await SwapAsync(target, ct);
    }

    public async Task StageAsync(DataTarget target, string path, string expectedChecksum, CancellationToken ct)
    {
        var psql = new PostgresCommands(target);
        var owner = await psql.QueryAsync("postgres", $"select pg_get_userbyid(datdba) from pg_database where datname = {PostgresCommands.Literal(psql.Database)}", ct);
        var restored = await LoadAndChecksumAsync(psql, RestoreDatabase, path, owner.Length == 0 ? null : owner, ct);
        if (restored != expectedChecksum)
        {
            await psql.DropAsync(RestoreDatabase);
            throw new ProvisionerException(
                $"the restored copy of {Path.GetFileName(path)} does not match the checksum taken when it was made (restored {restored}, expected {expectedChecksum}); the live database was left as it is",
                hint: $"the backup file may be damaged; keep {path} for inspection and restore from another backup");
        }
    }

    /// <summary>Only a complete load that matched the backup's checksum replaces the live database; until here it is as it was.</summary>
    public async Task SwapAsync(DataTarget target, CancellationToken ct)
    {
        var psql = new PostgresCommands(target);
        await psql.ExecuteAsync("postgres", $"drop database if exists {PostgresCommands.Ident(psql.Database)} with (force)", "drop database", ct);
        await psql.ExecuteAsync("postgres", $"alter database {RestoreDatabase} rename to {PostgresCommands.Ident(psql.Database)}", "rename restored database", ct);
    }

    public Task DiscardAsync(DataTarget target, CancellationToken ct) => new PostgresCommands(target).DropAsync(RestoreDatabase);

    /// <summary>The template's mask, on the staged database (psql runs a multi-statement <c>-c</c> as one transaction).</summary>
    public Task MaskStagedAsync(DataTarget target, MaskSpec mask, CancellationToken ct) =>
        new PostgresCommands(target).MaskAsync(mask, RestoreDatabase, host: null, ct);

    public bool CanCopyDirectly(ComponentSpec component) => PhysicalClone.CanCopy(component);

    public Task PrepareSourceAsync(DataTarget source, string destination, CancellationToken ct) => _clone.PrepareSourceAsync(source, destination, ct);

    public Task DiscardSourceAsync(DataTarget source, string destination) => _clone.DiscardSourceAsync(source, destination);

    public Task<DirectCopy> StageCopyAsync(DataTarget source, DataTarget destination, MaskSpec? mask, CancellationToken ct) =>
        _clone.StageAsync(source, destination, mask, ct);

    public Task SwapCopyAsync(DataTarget destination, CancellationToken ct) => _clone.SwapAsync(destination, ct);

    public Task DiscardCopyAsync(DataTarget destination, CancellationToken ct) => _clone.DiscardAsync(destination, ct);

    private static async Task<string> LoadAndChecksumAsync(PostgresCommands psql, string database, string path, string? owner, CancellationToken ct)
    {
        await psql.DropAsync(database);
        await psql.ExecuteAsync("postgres", $"create database {database}{(owner is null ? "" : $" owner {PostgresCommands.Ident(owner)}")}", $"create {database}", ct);
        try
        {
            await using var file = File.OpenRead(path);
            await using var input = new GZipStream(file, CompressionMode.Decompress);
            var result = await psql.LoadAsync(database, input, ct);
            if (!result.Succeeded)
            {
                throw new ProvisionerException($"loading {Path.GetFileName(path)} into {database} failed (psql exit {result.ExitCode}): {PostgresCommands.Tail(result.Stderr)}");
            }
        }
        catch (Exception e) when (e is InvalidDataException or ProvisionerException)
        {
            await psql.DropAsync(database);
            throw e is InvalidDataException
                ? new ProvisionerException($"{Path.GetFileName(path)} is not a readable gzip file ({e.Message}); the live database was left as it is", hint: "restore from another backup")
                : e;
        }

        return await psql.QueryAsync(database, DatabaseChecksum.Sql, ct);
    }
}
