using Microsoft.Data.Sqlite;

namespace Provisioner.Registry.Sqlite;

/// <summary>Opens connections to the registry file (WAL, busy timeout) and applies schema migrations once per process.</summary>
internal sealed class SqliteDatabase
{
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
        await connection.OpenAsync(ct);
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = "pragma busy_timeout = 10000; pragma foreign_keys = on; pragma synchronous = normal;";
        await pragma.ExecuteNonQueryAsync(ct);
        return connection;
    }
}
