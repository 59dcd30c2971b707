using Npgsql;

namespace Provisioner.Registry.Tests.Support;

/// <summary>
/// The test PostgreSQL that <c>make test</c> starts (infra/registry/ensure-postgres.sh) and names in
/// <c>PROVISIONER_TEST_POSTGRES</c> (an admin URL). A test that needs it fails, rather than skips, when it is not set.
/// Each test gets a database of its own, dropped at its end.
/// </summary>
public static class TestPostgres
{
    public const string Variable = "PROVISIONER_TEST_POSTGRES";

    public static string AdminUrl =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } url
            ? url
            : throw new InvalidOperationException(
                $"{Variable} is not set: the PostgreSQL registry tests need a server. Run `make test`, or start one with " +
                $"infra/registry/ensure-postgres.sh and export {Variable}=<the URL it prints>");

    /// <summary>The same server and credentials, another database.</summary>
    public static string UrlOf(string adminUrl, string database) => new UriBuilder(adminUrl) { Path = "/" + database }.Uri.ToString();

    public static async Task<string> CreateDatabaseAsync(string? adminUrl = null)
    {
        adminUrl ??= AdminUrl;
        var name = $"provision_test_{Guid.NewGuid():N}";
        await ExecuteAsync(adminUrl, $"create database {name}");
        return UrlOf(adminUrl, name);
    }

    public static async Task DropDatabaseAsync(string url, string? adminUrl = null)
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(adminUrl ?? AdminUrl, $"drop database if exists {new Uri(url).AbsolutePath.Trim('/')} with (force)");
    }

    /// <summary>Runs SQL on the database <paramref name="url"/> names (a raw connection, outside the store under test).</summary>
    public static async Task<object?> ScalarAsync(string url, string sql)
    {
        await using var c = new NpgsqlConnection(ConnectionString(url));
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, c);
        return await cmd.ExecuteScalarAsync();
    }

    public static Task ExecuteAsync(string url, string sql) => ScalarAsync(url, sql);

    /// <summary>Npgsql's form of a test URL (user, password, host, port, database; pooling off so nothing lingers).</summary>
    public static string ConnectionString(string url)
    {
        var uri = new Uri(url);
        var user = uri.UserInfo.Split(':', 2);
        return new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host, Port = uri.Port, Database = uri.AbsolutePath.Trim('/'), Username = Uri.UnescapeDataString(user[0]),
            Password = user.Length > 1 ? Uri.UnescapeDataString(user[1]) : null, Pooling = false,
        }.ConnectionString;
    }
}
