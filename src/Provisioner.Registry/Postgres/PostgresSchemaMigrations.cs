namespace Provisioner.Registry.Postgres;

/// <summary>
/// Forward-only schema steps, tracked in <c>schema_version</c>. Steps 1-3 are the SQLite registry's (same tables and
/// columns, PostgreSQL types); later ones are the shared store's own (lock holders, the team key's id).
/// <see cref="PostgresMigrator"/> applies them once, under an advisory lock, however many clients start together.
/// </summary>
internal static class PostgresSchemaMigrations
{
    public static readonly string[] Steps =
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
            secrets bytea not null,
            last_error text,
            created_at timestamptz not null,
            updated_at timestamptz not null);
        create table operations (
            id bigint generated always as identity primary key,
            tenant text not null,
            kind text not null,
            status text not null,
            detail text not null,
            pid integer not null,
            started_at timestamptz not null,
            finished_at timestamptz,
            error text,
            client text);
        create index operations_tenant on operations(tenant, id);
        create table operation_steps (
            id bigint generated always as identity primary key,
            operation_id bigint not null references operations(id),
            seq integer not null,
            name text not null,
            status text not null,
            detail text not null,
            started_at timestamptz not null,
            finished_at timestamptz);
        create index operation_steps_op on operation_steps(operation_id, seq);
        """,
        // 2: upgrades — a tenant can be pinned to a version (kept out of `upgrade --all`).
        """
        alter table tenants add column pinned_version text;
        """,
        // 3: capacity history (`provision capacity`).
        """
        create table capacity_snapshots (
            id bigint generated always as identity primary key,
            taken_at timestamptz not null,
            host text not null,
            source text not null,
            tenants integer not null,
            cpus double precision not null,
            memory bigint not null,
            disk bigint,
            reserved_cpu double precision not null,
            reserved_memory bigint not null,
            reserved_disk bigint not null,
            used_cpu double precision,
            used_memory bigint,
            used_disk bigint);
        create index capacity_snapshots_host on capacity_snapshots(host, id);
        create index capacity_snapshots_taken on capacity_snapshots(taken_at);
        """,
        // 4 (shared store only): who holds each advisory lock, written by the holder while it holds it; and the team key's id.
        """
        create table lock_holders (
            resource text primary key,
            lock_key bigint not null,
            holder_user text not null,
            host text not null,
            pid integer not null,
            command text not null,
            since timestamptz not null,
            backend_pid integer not null);
        create table registry_meta (
            key text primary key,
            value text not null);
        """,
        // issue 14 check results (`provision check`): one row per tenant per run, the newest 100 per tenant kept (pruned on
        // write); checks is a JSON array of {name, status, latencyMs, output}. Self-contained; safe to renumber.
        """
        create table check_results (
            id bigint generated always as identity primary key,
            tenant text not null,
            checked_at timestamptz not null,
            state text not null,
            product text not null,
            version text not null,
            size text not null,
            backend text not null,
            reason text,
            checks text not null);
        create index check_results_tenant on check_results(tenant, id);
        """,
        // issue 12 audit log (`provision history`): one row per mutating command, every operator's. Self-contained; safe to renumber.
        """
        create table audit_log (
            id bigint generated always as identity primary key,
            at timestamptz not null,
            os_user text not null,
            host text not null,
            command text not null,
            tenant text,
            exit_code integer not null,
            error text,
            duration_ms bigint not null);
        create index audit_log_tenant on audit_log(tenant, id);
        """,
        // issue 13 lifecycle (demo copies that expire): when `provision expire` may remove the tenant. Safe to renumber:
        // it only adds a nullable column, so it may run before or after any other step that does not touch this column.
        """
        alter table tenants add column expires_at timestamptz;
        """,
        // ---- end of issue 13 lifecycle ----

        // issue 14 part 6 maintenance windows and freezes: a tenant's window (its canonical text) and the fleet's freeze
        // (one row at most). Safe to renumber: it only adds a nullable column and a table of its own.
        """
        alter table tenants add column maintenance_window text;
        create table fleet_freeze (
            id integer primary key check (id = 1),
            until timestamptz not null,
            reason text not null,
            set_by text not null,
            set_at timestamptz not null);
        """,
        // ---- end of maintenance windows and freezes ----
    ];
}
