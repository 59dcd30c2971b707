using System.Text.Json;
using Provisioner.Registry.Tests.Support;

namespace Provisioner.Registry.Tests.Postgres;

/// <summary>Moving a fleet between the stores: SQLite to PostgreSQL and back, everything identical (secrets still encrypted, same key).</summary>
[Trait("Category", "Integration")]
public sealed class CrossStoreTransferTests : IAsyncLifetime
{
    private readonly SqliteUnderTest _sqlite = new();
    private readonly PostgresUnderTest _postgres = new();

    public Task InitializeAsync() => _postgres.InitializeAsync();

    public async Task DisposeAsync()
    {
        await _sqlite.DisposeAsync();
        await _postgres.DisposeAsync();
    }

    [Fact]
    public async Task Export_FromSqlite_ImportIntoPostgres_AndBack_Identical()
    {
        var sqlite = _sqlite.Open();
        await Fleet.WriteAsync(sqlite);
        var postgres = _postgres.Open(_sqlite.Home); // the same home, so the same key: only the registry setting changes

        var toPostgres = new StringWriter();
        await sqlite.ExportAsync(toPostgres);
        await postgres.ImportAsync(new StringReader(toPostgres.ToString()), "fleet.jsonl");

        Assert.Equal(await Fleet.ExportLinesAsync(sqlite), await Fleet.ExportLinesAsync(postgres));
        Assert.Equal(Json(await sqlite.Registry.ListAsync()), Json(await postgres.Registry.ListAsync()));

        var back = new StringWriter();
        await postgres.ExportAsync(back);
        var emptySqlite = _sqlite.NewHome();
        File.Copy(sqlite.KeyFile, Path.Combine(emptySqlite, "secret.key"));
        var again = _sqlite.Open(emptySqlite);
        await again.ImportAsync(new StringReader(back.ToString()), "back.jsonl");

        Assert.Equal(await Fleet.ExportLinesAsync(sqlite), await Fleet.ExportLinesAsync(again));
    }

    private static string Json(object value) => JsonSerializer.Serialize(value);
}
