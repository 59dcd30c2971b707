using Npgsql;

namespace Notes;

/// <summary>Notes in PostgreSQL. Knows whether this app version's schema has titles.</summary>
internal sealed class NoteStore(NpgsqlDataSource dataSource, bool hasTitle)
{
    private const int ListLimit = 100;

    private string Columns => hasTitle ? "id, title, body, created_at" : "id, null::text, body, created_at";

    public async Task<Note> CreateAsync(string body, string? title, CancellationToken ct)
    {
        await using var connection = await Database.OpenAsync(dataSource, ct).ConfigureAwait(false);
        await using var command = hasTitle
            ? new NpgsqlCommand($"insert into notes (body, title) values ($1, $2) returning {Columns}", connection)
            : new NpgsqlCommand($"insert into notes (body) values ($1) returning {Columns}", connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = body });
        if (hasTitle)
        {
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = title ?? string.Empty });
        }

        return (await ReadAsync(command, ct).ConfigureAwait(false))[0];
    }

    public async Task<IReadOnlyList<Note>> ListAsync(CancellationToken ct)
    {
        await using var connection = await Database.OpenAsync(dataSource, ct).ConfigureAwait(false);
        await using var command = new NpgsqlCommand($"select {Columns} from notes order by id desc limit {ListLimit}", connection);
        return await ReadAsync(command, ct).ConfigureAwait(false);
    }

    public async Task<Note?> GetAsync(long id, CancellationToken ct)
    {
        await using var connection = await Database.OpenAsync(dataSource, ct).ConfigureAwait(false);
        await using var command = new NpgsqlCommand($"select {Columns} from notes where id = $1", connection);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = id });
        var notes = await ReadAsync(command, ct).ConfigureAwait(false);
        return notes.Count == 0 ? null : notes[0];
    }

    public async Task<bool> DeleteAsync(long id, CancellationToken ct)
    {
        await using var connection = await Database.OpenAsync(dataSource, ct).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("delete from notes where id = $1", connection);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = id });
        return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false) > 0;
    }

    private static async Task<List<Note>> ReadAsync(NpgsqlCommand command, CancellationToken ct)
    {
        var notes = new List<Note>();
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            notes.Add(new Note(
                reader.GetInt64(0),
                reader.IsDBNull(1) ? null : reader.GetString(1),
                reader.GetString(2),
                reader.GetFieldValue<DateTimeOffset>(3)));
        }

        return notes;
    }
}
