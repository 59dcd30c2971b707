namespace Provisioner.Registry.Tests.Support;

/// <summary>The shared store: a database of the test's own on the test PostgreSQL, dropped at the end.</summary>
public sealed class PostgresUnderTest : StoreUnderTest
{
    private string? _url;

    public override string Name => "postgres";

    public override string? Registry => _url ?? throw new InvalidOperationException("not initialized");

    public override async Task InitializeAsync() => _url = await TestPostgres.CreateDatabaseAsync();

    public override RegistryStores OpenPeer(TimeProvider? time = null)
    {
        var home = NewHome();
        var key = Path.Combine(Home, "secret.key");
        _ = new Secrets.AesGcmSecretProtector(key).KeyId; // the team's key: made once, copied to every operator's home
        File.Copy(key, Path.Combine(home, "secret.key"));

        return Open(home, time);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_url is not null)
        {
            await TestPostgres.DropDatabaseAsync(_url);
        }
    }
}
