using Npgsql;

namespace Provisioner.Cli.Tests.Support;

/// <summary>
/// A PostgreSQL registry of one test's own: a database on the test server <c>make test</c> starts (infra/registry/ensure-postgres.sh,
/// named in <c>PROVISIONER_TEST_POSTGRES</c>); fails, rather than skips, without it. Dropped at the end.
/// </summary>
public sealed class SharedRegistry : IAsyncDisposable
{
    private const string Variable = "PROVISIONER_TEST_POSTGRES";

    private SharedRegistry(string admin, string url)
    {
        AdminUrl = admin;
        Url = url;
    }

    public string AdminUrl { get; }

    /// <summary>What PROVISIONER_REGISTRY is set to.</summary>
    public string Url { get; }

    /// <summary>The environment that points provision at this registry.</summary>
    public Dictionary<string, string> Environment => new() { ["PROVISIONER_REGISTRY"] = Url };

    public static async Task<SharedRegistry> CreateAsync()
    {
        var admin = System.Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } url
            ? url
            : throw new InvalidOperationException($"{Variable} is not set: run `make test` (it starts the test PostgreSQL with infra/registry/ensure-postgres.sh)");
        var name = $"provision_cli_{Guid.NewGuid():N}";
        await ExecuteAsync(admin, $"create database {name}");
        return new SharedRegistry(admin, new UriBuilder(admin) { Path = "/" + name }.Uri.ToString());
    }

    public async Task<object?> ScalarAsync(string sql)
    {
        await using var c = new NpgsqlConnection(ConnectionString(Url));
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, c);
        return await cmd.ExecuteScalarAsync();
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(AdminUrl, $"drop database if exists {new Uri(Url).AbsolutePath.Trim('/')} with (force)");
    }

    private static async Task ExecuteAsync(string url, string sql)
    {
        await using var c = new NpgsqlConnection(ConnectionString(url));
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, c);
        await cmd.ExecuteNonQueryAsync();
    }

    private static string ConnectionString(string url)
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
