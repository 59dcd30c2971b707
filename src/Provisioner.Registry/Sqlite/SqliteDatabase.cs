using Microsoft.Data.Sqlite;

namespace Provisioner.Registry.Sqlite;

/// <summary>Opens connections to the registry file (WAL, busy timeout) and applies schema migrations once per process.</summary>
internal sealed class SqliteDatabase
{
    private const int IoError = 10;
    private const int Full = 13;
    private const int CantOpen = 14;
    private readonly string _connectionString;
    private readonly string _path;
    private readonly Lazy<Task> _migrated;

    public SqliteDatabase(string path)
    {
        _path = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, DefaultTimeout = 30 }.ToString();
        _migrated = new Lazy<Task>(() => SchemaMigrations.ApplyAsync(this));
    }

    /// <summary>The registry file, as errors name it.</summary>
    public string File => _path;

    /// <summary>A connection to a migrated registry; a busy, damaged or full file is the one-line error of <see cref="SqliteFaults"/>.</summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken ct)
    {
        try
        {
            var connection = await OpenRawAsync(ct);
            await _migrated.Value;
            return connection;
        }
        catch (Exception e) when (SqliteFaults.Map(e, _path) is { } mapped)
        {
            throw mapped;
        }
    }

    internal async Task<SqliteConnection> OpenRawAsync(CancellationToken ct)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(ct);
            await PragmasAsync(connection, ct);
            await using var probe = connection.CreateCommand();
            probe.CommandText = "pragma schema_version;"; // a read: makes WAL's shared memory, which a full disk refuses
            await probe.ExecuteScalarAsync(ct);
            return connection;
        }
        catch (SqliteException e) when (e.SqliteErrorCode is IoError or Full or CantOpen && SqliteFaults.NoSpaceLeft(_path))
        {
            // A full disk: WAL's shared-memory file cannot be made, so not even a read could open the file. Read it as it
            // is on disk instead (immutable: no lock, no -shm); a write then fails read-only, which says "disk full".
            await connection.DisposeAsync();
            var readOnly = new SqliteConnection(new SqliteConnectionStringBuilder
            {
                DataSource = new Uri(_path).AbsoluteUri + "?immutable=1", Mode = SqliteOpenMode.ReadOnly, Pooling = false, DefaultTimeout = 30,
            }.ToString());
            await readOnly.OpenAsync(ct);
            await PragmasAsync(readOnly, ct);
            return readOnly;
        }
    }

    private static async Task PragmasAsync(SqliteConnection connection, CancellationToken ct)
    {
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = "pragma busy_timeout = 10000; pragma foreign_keys = on; pragma synchronous = normal;";
        await pragma.ExecuteNonQueryAsync(ct);
    }
}
