using Microsoft.Data.Sqlite;

namespace Provisioner.Registry.Sqlite;

/// <summary>Opens connections to the registry file (WAL, busy timeout) and applies schema migrations once per process.</summary>
internal sealed class SqliteDatabase
{
    private readonly string _connectionString;
    private readonly Lazy<Task> _migrated;

    public SqliteDatabase(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, DefaultTimeout = 30 }.ToString();
        _migrated = new Lazy<Task>(() => SchemaMigrations.ApplyAsync(this));
    }

    public async Task<SqliteConnection> OpenAsync(CancellationToken ct)
    {
        var connection = await OpenRawAsync(ct);
        await _migrated.Value;
        return connection;
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
