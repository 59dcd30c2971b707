using Microsoft.Data.Sqlite;
using Provisioner.Core.Errors;
using Provisioner.Registry.Postgres;
using Provisioner.Registry.Tests.Support;

namespace Provisioner.Registry.Tests.Postgres;

/// <summary>The shared schema: migrated once however many clients start together, refused when newer, the same tables as SQLite's.</summary>
[Trait("Category", "Integration")]
public sealed class PostgresMigrationTests : IAsyncLifetime
{
    private readonly PostgresUnderTest _store = new();

    public Task InitializeAsync() => _store.InitializeAsync();

    public Task DisposeAsync() => _store.DisposeAsync().AsTask();

    [Fact]
    public async Task FirstUse_EightClientsStartTogether_EachStepAppliedOnce()
    {
        var clients = Enumerable.Range(0, 8).Select(_ => _store.OpenPeer()).ToList();

        await Task.WhenAll(clients.Select(c => Task.Run(() => c.Registry.ListAsync())));

        Assert.Equal(
            string.Join(",", Enumerable.Range(1, PostgresMigrator.Latest)),
            await TestPostgres.ScalarAsync(_store.Registry!, "select string_agg(version::text, ',' order by version) from schema_version"));
    }

    [Fact]
    public async Task FirstUse_SchemaNewerThanThisProvision_RefusedSayingSo()
    {
        await _store.Open().Registry.ListAsync();
        await TestPostgres.ExecuteAsync(_store.Registry!, "insert into schema_version (version) values (99)");

        var e = await Assert.ThrowsAsync<ProvisionerException>(() => _store.OpenPeer().Registry.ListAsync());

        Assert.Contains($"has schema version 99, newer than this provision knows ({PostgresMigrator.Latest})", e.Message);
        Assert.Equal("upgrade provision to the version the rest of the team uses", e.Hint);
    }

    [Theory]
    [InlineData("tenants")]
    [InlineData("operations")]
    [InlineData("operation_steps")]
    [InlineData("capacity_snapshots")]
    [InlineData("fleet_freeze")]
    public async Task Schema_EverySqliteColumn_ExistsInPostgres(string table)
    {
        var sqlite = _store.NewHome();
        await RegistryFactory.CreateSqlite(sqlite).ListAsync();
        await RegistryFactory.CreateCapacityHistory(sqlite).ListAsync(DateTimeOffset.MinValue, default);
        await _store.Open().Registry.ListAsync();

        var postgres = (string)(await TestPostgres.ScalarAsync(
            _store.Registry!, $"select string_agg(column_name, ',' order by column_name) from information_schema.columns where table_name = '{table}'"))!;

        Assert.Empty(SqliteColumns(Path.Combine(sqlite, "registry.db"), table).Except(postgres.Split(',')));
    }

    private static List<string> SqliteColumns(string file, string table)
    {
        using var c = new SqliteConnection($"Data Source={file};Pooling=false");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"select name from pragma_table_info('{table}')";
        using var r = cmd.ExecuteReader();
        var columns = new List<string>();
        while (r.Read())
        {
            columns.Add(r.GetString(0));
        }

        Assert.NotEmpty(columns);
        return columns;
    }
}
