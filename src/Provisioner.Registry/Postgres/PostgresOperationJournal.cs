using Npgsql;
using NpgsqlTypes;
using Provisioner.Core.Tenants;

namespace Provisioner.Registry.Postgres;

/// <summary>
/// Operations and their steps in the shared registry, each row written before the work it describes. Each row carries
/// the client that wrote it, so a running operation of another client (the caller holds the tenant's lock) is one that died.
/// </summary>
internal sealed class PostgresOperationJournal(PostgresDatabase db) : IOperationJournal
{
    public Task<long> BeginAsync(string tenant, string kind, string detail, CancellationToken ct = default) =>
        ScalarAsync(
            "insert into operations (tenant, kind, status, detail, pid, started_at, client) values (@t, @k, 'running', @d, @pid, @now, @client) returning id",
            ct, ("t", tenant), ("k", kind), ("d", detail), ("pid", Environment.ProcessId), ("now", RegistryTime.Now()), ("client", db.ClientId));

    public Task<long> StepAsync(long operationId, string step, string detail, CancellationToken ct = default) =>
        ScalarAsync(
            """
            insert into operation_steps (operation_id, seq, name, status, detail, started_at)
            values (@op, (select coalesce(max(seq), 0) + 1 from operation_steps where operation_id = @op), @n, 'running', @d, @now) returning id
            """,
            ct, ("op", operationId), ("n", step), ("d", detail), ("now", RegistryTime.Now()));

    public Task EndStepAsync(long stepId, string status, string? detail = null, CancellationToken ct = default) =>
        db.RunAsync(async c =>
        {
            await using var cmd = PostgresDatabase.Command(
                c, "update operation_steps set status = @s, finished_at = @now, detail = coalesce(@d, detail) where id = @id",
                ("s", status), ("now", RegistryTime.Now()), ("id", stepId));
            cmd.Parameters.Add(new NpgsqlParameter("d", NpgsqlDbType.Text) { Value = (object?)detail ?? DBNull.Value });
            await cmd.ExecuteNonQueryAsync(ct);
        }, ct);

    public Task EndAsync(long operationId, string status, string? error = null, CancellationToken ct = default) =>
        db.InTransactionAsync(async (c, tx) =>
        {
            // A step still running when its operation ends ended the same way (e.g. the change that threw).
            var now = RegistryTime.Now();
            await using (var steps = PostgresDatabase.Command(
                c, tx, "update operation_steps set status = @s, finished_at = @now where operation_id = @id and status = 'running'",
                ("s", status == JournalStatus.Succeeded ? JournalStatus.Done : status), ("now", now), ("id", operationId)))
            {
                await steps.ExecuteNonQueryAsync(ct);
            }

            await using var op = PostgresDatabase.Command(
                c, tx, "update operations set status = @s, finished_at = @now, error = @e where id = @id", ("s", status), ("now", now), ("id", operationId));
            op.Parameters.Add(new NpgsqlParameter("e", NpgsqlDbType.Text) { Value = (object?)error ?? DBNull.Value });
            await op.ExecuteNonQueryAsync(ct);
            return true;
        }, ct);

    public Task<int> MarkInterruptedAsync(string tenant, CancellationToken ct = default) =>
        db.InTransactionAsync(async (c, tx) =>
        {
            var now = RegistryTime.Now();
            await using (var steps = PostgresDatabase.Command(
                c, tx,
                """
                update operation_steps set status = 'interrupted', finished_at = @now
                where status = 'running' and operation_id in (select id from operations where tenant = @t and status = 'running' and client is distinct from @client)
                """,
                ("now", now), ("t", tenant), ("client", db.ClientId)))
            {
                await steps.ExecuteNonQueryAsync(ct);
            }

            await using var ops = PostgresDatabase.Command(
                c, tx,
                """
                update operations set status = 'interrupted', finished_at = @now, error = 'process exited before finishing'
                where tenant = @t and status = 'running' and client is distinct from @client
                """,
                ("now", now), ("t", tenant), ("client", db.ClientId));
            return await ops.ExecuteNonQueryAsync(ct);
        }, ct);

    public Task<IReadOnlyList<OperationRecord>> ListAsync(string? tenant, int limit, CancellationToken ct = default) =>
        db.RunAsync(c => PostgresJournalReader.ReadAsync(c, tenant, limit, ct), ct);

    private Task<long> ScalarAsync(string sql, CancellationToken ct, params (string Name, object? Value)[] args) =>
        db.RunAsync(async c =>
        {
            await using var cmd = PostgresDatabase.Command(c, sql, args);
            return (long)(await cmd.ExecuteScalarAsync(ct))!;
        }, ct);
}
