using Npgsql;

namespace Tracker;

/// <summary>Items in PostgreSQL. Knows whether this app version's schema has <c>items.words</c>.</summary>
internal sealed class ItemStore(NpgsqlDataSource dataSource, SchemaFeatures features)
{
    private const int ListLimit = 100;

    private string Columns => features.Words
        ? "id, title, state, summary, attachment_bytes, attachment_sha256, words, created_at"
        : "id, title, state, summary, attachment_bytes, attachment_sha256, null::integer, created_at";

    /// <summary>
    /// Inserts a queued item and, before committing, runs <paramref name="beforeCommit"/> with its id (to store the
    /// attachment under that id): the row is only visible once its file exists.
    /// </summary>
    public async Task<Item> CreateAsync(string title, Attachment? attachment, Func<long, CancellationToken, Task> beforeCommit, CancellationToken ct)
    {
        await using var connection = await Database.OpenAsync(dataSource, ct).ConfigureAwait(false);
        await using var tx = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        Item item;
        await using (var insert = new NpgsqlCommand(
            $"insert into items (title, state, attachment_bytes, attachment_sha256) values ($1, $2, $3, $4) returning {Columns}", connection, tx))
        {
            insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = title });
            insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = ItemStates.Queued });
            insert.Parameters.Add(new NpgsqlParameter { Value = (object?)attachment?.Bytes ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bigint });
            insert.Parameters.Add(new NpgsqlParameter { Value = (object?)attachment?.Sha256 ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
            item = (await ReadAsync(insert, ct).ConfigureAwait(false))[0];
        }

        await beforeCommit(item.Id, ct).ConfigureAwait(false);
        await tx.CommitAsync(ct).ConfigureAwait(false);
        return item;
    }

    public async Task<IReadOnlyList<Item>> ListAsync(CancellationToken ct)
    {
        await using var connection = await Database.OpenAsync(dataSource, ct).ConfigureAwait(false);
        await using var command = new NpgsqlCommand($"select {Columns} from items order by id desc limit {ListLimit}", connection);
        return await ReadAsync(command, ct).ConfigureAwait(false);
    }

    public async Task<Item?> GetAsync(long id, CancellationToken ct)
    {
        await using var connection = await Database.OpenAsync(dataSource, ct).ConfigureAwait(false);
        await using var command = new NpgsqlCommand($"select {Columns} from items where id = $1", connection);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = id });
        var items = await ReadAsync(command, ct).ConfigureAwait(false);
        return items.Count == 0 ? null : items[0];
    }

    public async Task<bool> DeleteAsync(long id, CancellationToken ct)
    {
        await using var connection = await Database.OpenAsync(dataSource, ct).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("delete from items where id = $1", connection);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = id });
        return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false) > 0;
    }

    /// <summary>The worker's result. False when the item was deleted meanwhile.</summary>
    public async Task<bool> CompleteAsync(long id, string summary, int? words, CancellationToken ct)
    {
        await using var connection = await Database.OpenAsync(dataSource, ct).ConfigureAwait(false);
        await using var command = features.Words
            ? new NpgsqlCommand("update items set state = $2, summary = $3, words = $4 where id = $1", connection)
            : new NpgsqlCommand("update items set state = $2, summary = $3 where id = $1", connection);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = id });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = ItemStates.Processed });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = summary });
        if (features.Words)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)words ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Integer });
        }

        return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false) > 0;
    }

    /// <summary>Ids still queued after <paramref name="age"/>: their job was lost (Redis restarted, a worker died mid-job).</summary>
    public async Task<IReadOnlyList<long>> StaleQueuedAsync(TimeSpan age, int limit, CancellationToken ct)
    {
        await using var connection = await Database.OpenAsync(dataSource, ct).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(
            "select id from items where state = $1 and created_at < now() - make_interval(secs => $2) order by id limit $3", connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = ItemStates.Queued });
        command.Parameters.Add(new NpgsqlParameter<double> { TypedValue = age.TotalSeconds });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        var ids = new List<long>();
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }

    private static async Task<List<Item>> ReadAsync(NpgsqlCommand command, CancellationToken ct)
    {
        var items = new List<Item>();
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            items.Add(new Item(
                Id: reader.GetInt64(0),
                Title: reader.GetString(1),
                State: reader.GetString(2),
                Summary: reader.IsDBNull(3) ? null : reader.GetString(3),
                Attachment: reader.IsDBNull(4) ? null : new Attachment(reader.GetInt64(4), reader.IsDBNull(5) ? "" : reader.GetString(5)),
                Words: reader.IsDBNull(6) ? null : reader.GetInt32(6),
                CreatedAt: reader.GetFieldValue<DateTimeOffset>(7)));
        }

        return items;
    }
}
