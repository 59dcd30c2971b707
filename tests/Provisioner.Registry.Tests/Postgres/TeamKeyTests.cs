using System.Text;
using Provisioner.Core.Errors;
using Provisioner.Core.Secrets;
using Provisioner.Registry.Tests.Support;

namespace Provisioner.Registry.Tests.Postgres;

/// <summary>Secrets in a shared registry use the team's key file: an operator without it, or with another, is told so before writing any.</summary>
[Trait("Category", "Integration")]
public sealed class TeamKeyTests : IAsyncLifetime
{
    private readonly PostgresUnderTest _store = new();

    public Task InitializeAsync() => _store.InitializeAsync();

    public Task DisposeAsync() => _store.DisposeAsync().AsTask();

    [Fact]
    public async Task RotateKey_SharedRegistry_RefusedSayingWhyAndNothingChanged()
    {
        _store.Open().Protector.Protect([1], "x");
        var key = await File.ReadAllTextAsync(Path.Combine(_store.Home, "secret.key"));

        var e = await Assert.ThrowsAsync<BadInputException>(() => _store.Open().RotateKeyAsync());

        Assert.Contains("is shared, and every operator's copy of the team's key would have to change at once", e.Message);
        Assert.Equal(key, await File.ReadAllTextAsync(Path.Combine(_store.Home, "secret.key")));
        Assert.False(File.Exists(Path.Combine(_store.Home, "secret.key.next")));
    }

    [Fact]
    public void Protect_HomeWithTheTeamsKey_ReadsTheOthersSecrets()
    {
        var cipher = _store.Open().Protector.Protect(Encoding.UTF8.GetBytes("s3cret"), "acme");

        Assert.Equal("s3cret", Encoding.UTF8.GetString(_store.OpenPeer().Protector.Unprotect(cipher, "acme")));
    }

    [Fact]
    public async Task Protect_HomeWithoutAKey_ToldToCopyTheTeamsAndNoKeyMade()
    {
        _store.Open().Protector.Protect([1], "x");
        var home = _store.NewHome();

        var e = Assert.Throws<ProvisionerException>(() => _store.Open(home).Protector.Protect([1], "x"));

        Assert.Contains($"keeps secrets encrypted with the team's key (id {Secrets.SecretKeyId.OfFile(Path.Combine(_store.Home, "secret.key"))}), and {home}/secret.key does not exist", e.Message);
        Assert.Equal("copy the team's secret.key there (mode 0600); it is never stored in the registry", e.Hint);
        Assert.False(File.Exists(Path.Combine(home, "secret.key")));
        Assert.Equal(1L, await TestPostgres.ScalarAsync(_store.Registry!, "select count(*) from registry_meta"));
    }

    [Fact]
    public void Protect_HomeWithAnotherKey_RefusedNamingBothKeys()
    {
        _store.Open().Protector.Protect([1], "x");
        var home = _store.NewHome();
        RegistryFactory.CreateProtector(home).Protect([1], "x"); // a key of its own

        var e = Assert.Throws<ProvisionerException>(() => TenantSecrets.Open(_store.Open(home).Protector, [1, 2, 3], "acme"));

        Assert.Contains($"{home}/secret.key (key id {Secrets.SecretKeyId.OfFile(Path.Combine(home, "secret.key"))}) is not the key the registry at ", e.Message);
    }
}
