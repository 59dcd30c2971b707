using System.Globalization;
using Microsoft.Extensions.Logging;
using Npgsql;
using Provisioner.Core.Errors;

namespace Provisioner.Registry.Postgres;

/// <summary>
/// Brings the schema to <see cref="PostgresSchemaMigrations.Steps"/>: a client that finds it current reads one row; otherwise
/// the steps run in one transaction under a transaction-scoped advisory lock, so clients starting together apply each
/// step exactly once (the others wait, then find nothing left to do).
/// </summary>
internal static class PostgresMigrator
{
    public static int Latest => PostgresSchemaMigrations.Steps.Length;

    public static async Task ApplyAsync(NpgsqlDataSource source, PostgresLocation where, ILogger log, CancellationToken ct)
    {
        await using var c = await source.OpenConnectionAsync(ct);
        if (await CurrentAsync(c, ct) == Latest)
        {
            return;
        }

        await using var tx = await c.BeginTransactionAsync(ct);
        await ExecuteAsync(c, $"select pg_advisory_xact_lock({AdvisoryKey.Migration})", ct);
        await ExecuteAsync(c, "create table if not exists schema_version (version integer primary key, applied_at timestamptz not null default now())", ct);
        var from = await CurrentAsync(c, ct);
        for (var step = from; step < Latest; step++)
        {
            await ExecuteAsync(c, PostgresSchemaMigrations.Steps[step], ct);
            await ExecuteAsync(c, $"insert into schema_version (version) values ({step + 1})", ct);
        }

        await tx.CommitAsync(ct);
        if (from < Latest)
        {
            log.LogInformation("Registry schema at {Registry} migrated from version {From} to {To}", where.Display, from, Latest);
        }
    }

    /// <summary>The schema's version: one statement when it exists (every start but the very first), 0 when it does not.</summary>
    private static async Task<int> CurrentAsync(NpgsqlConnection c, CancellationToken ct)
    {
        int version;
        try
        {
            await using var max = new NpgsqlCommand("select coalesce(max(version), 0) from schema_version", c);
            version = Convert.ToInt32(await max.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return 0;
        }

        return version <= Latest
            ? version
            : throw new ProvisionerException(
                $"the registry at {c.Host}:{c.Port} has schema version {version}, newer than this provision knows ({Latest})",
                ExitCodes.Failed, "upgrade provision to the version the rest of the team uses");
    }

    private static async Task ExecuteAsync(NpgsqlConnection c, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, c);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
