namespace Provisioner.Registry.Sqlite;

/// <summary>Forward-only schema migrations, tracked with <c>pragma user_version</c>.</summary>
internal static class SchemaMigrations
{
    private static readonly string[] Steps =
    [
        """
        create table tenants (
            name text primary key,
            product text not null,
            version text not null,
            size text not null,
            backend text not null,
            host text not null,
            status text not null,
            endpoint text,
            host_port integer unique,
            secrets blob not null,
            last_error text,
            created_at text not null,
            updated_at text not null);
        create table operations (
            id integer primary key autoincrement,
            tenant text not null,
            kind text not null,
            status text not null,
            detail text not null,
            pid integer not null,
            started_at text not null,
            finished_at text,
            error text);
        create index operations_tenant on operations(tenant, id);
        create table operation_steps (
            id integer primary key autoincrement,
            operation_id integer not null references operations(id),
            seq integer not null,
            name text not null,
            status text not null,
            detail text not null,
            started_at text not null,
            finished_at text);
        create index operation_steps_op on operation_steps(operation_id, seq);
        """,
        // 2: upgrades — a tenant can be pinned to a version (kept out of `upgrade --all`).
        """
        alter table tenants add column pinned_version text;
        """,

        // ---- user_version 3: capacity history (issue 4, `provision capacity`). Self-contained; safe to renumber. ----
        """
        create table if not exists capacity_snapshots (
            id integer primary key autoincrement,
            taken_at text not null,
            host text not null,
            source text not null,
            tenants integer not null,
            cpus real not null,
            memory integer not null,
            disk integer,
            reserved_cpu real not null,
            reserved_memory integer not null,
            reserved_disk integer not null,
            used_cpu real,
            used_memory integer,
            used_disk integer);
        create index if not exists capacity_snapshots_host on capacity_snapshots(host, id);
        create index if not exists capacity_snapshots_taken on capacity_snapshots(taken_at);
        """,
        // ---- end of capacity history ----

        // ---- issue 14 check results (`provision check`): one row per tenant per run, the newest 100 per tenant kept
        // (pruned on write). Self-contained; safe to renumber. ----
        """
        create table if not exists check_results (
            id integer primary key autoincrement,
            tenant text not null,
            checked_at text not null,
            state text not null,
            product text not null,
            version text not null,
            size text not null,
            backend text not null,
            reason text,
            checks text not null);
        create index if not exists check_results_tenant on check_results(tenant, id);
        """,
        // ---- end of check results ----

        // ---- issue 12 audit log (`provision history`): one row per mutating command. Self-contained; safe to renumber. ----
        """
        create table if not exists audit_log (
            id integer primary key autoincrement,
            at text not null,
            os_user text not null,
            host text not null,
            command text not null,
            tenant text,
            exit_code integer not null,
            error text,
            duration_ms integer not null);
        create index if not exists audit_log_tenant on audit_log(tenant, id);
        """,
        // ---- end of audit log ----

        // issue 13 lifecycle (demo copies that expire): when `provision expire` may remove the tenant. Safe to renumber:
        // it only adds a nullable column, so it may run before or after any other step that does not touch this column.
        """
        alter table tenants add column expires_at text;
        """,
        // ---- end of issue 13 lifecycle ----

        // issue 14 part 6 maintenance windows and freezes: a tenant's window (its canonical text) and the fleet's freeze
        // (one row at most). Safe to renumber: it only adds a nullable column and a table of its own.
        """
        alter table tenants add column maintenance_window text;
        create table if not exists fleet_freeze (
            id integer primary key check (id = 1),
            until text not null,
            reason text not null,
            set_by text not null,
            set_at text not null);
        """,
        // ---- end of maintenance windows and freezes ----
    ];

    public static async Task ApplyAsync(SqliteDatabase db)
    {
        await using var connection = await db.OpenRawAsync(CancellationToken.None);
        if (connection.ConnectionString.Contains("immutable=1", StringComparison.Ordinal))
        {
            // Opened read-only on a full disk (see SqliteDatabase): a current schema is read as it is, nothing migrated.
            await VersionAsync(connection, db.File);
            return;
        }

        await using (var wal = connection.CreateCommand())
        {
            wal.CommandText = "pragma journal_mode = wal;";
            await wal.ExecuteNonQueryAsync();
        }

        // Read first, outside a write transaction: a current registry needs no write lock, so reads go on while another
        // process holds one (WAL).
        if (await VersionAsync(connection, db.File) == Steps.Length)
        {
            return;
        }

        await using var tx = connection.BeginTransaction(deferred: false);
        var version = await VersionAsync(connection, db.File);
        for (var i = version; i < Steps.Length; i++)
        {
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = Steps[i] + $"\npragma user_version = {i + 1};";
            await cmd.ExecuteNonQueryAsync();
        }

        await tx.CommitAsync();
    }

    private static async Task<int> VersionAsync(Microsoft.Data.Sqlite.SqliteConnection c, string file)
    {
        var version = Convert.ToInt32(await Scalar(c, "pragma user_version;"), System.Globalization.CultureInfo.InvariantCulture);
        return version <= Steps.Length ? version : throw new Core.Errors.ProvisionerException(
            $"registry {file} has schema version {version}, newer than this provision knows ({Steps.Length})", Core.Errors.ExitCodes.Failed,
            "run the newer provision that wrote it; the file was not changed");
    }

    private static async Task<object?> Scalar(Microsoft.Data.Sqlite.SqliteConnection c, string sql)
    {
        await using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return await cmd.ExecuteScalarAsync();
    }
}
