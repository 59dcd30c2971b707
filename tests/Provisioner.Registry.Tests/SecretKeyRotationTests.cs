using System.Text;
using Provisioner.Core.Errors;
using Provisioner.Core.Secrets;
using Provisioner.Registry.Tests.Support;

namespace Provisioner.Registry.Tests;

/// <summary>
/// <c>provision key rotate</c> on a SQLite registry: every tenant's secrets re-encrypted under a new key that replaces the
/// old one; resumable after a kill between the steps; a held tenant lock stops it before the old key is replaced.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class SecretKeyRotationTests : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("rotate-").FullName;

    public void Dispose() => Directory.Delete(_home, recursive: true);

    private string KeyFile => Path.Combine(_home, "secret.key");

    [Fact]
    public async Task Rotate_EveryTenantReencryptedUnderTheNewKey_OldKeyGone()
    {
        using var stores = RegistryFactory.Open(_home, null, TimeProvider.System);
        await WriteFleetAsync(stores);
        var oldKey = await File.ReadAllTextAsync(KeyFile);
        var before = await BlobsAsync(stores);

        var result = await stores.RotateKeyAsync();

        Assert.NotEqual(result.OldKeyId, result.NewKeyId);
        Assert.Equal((3, 2), (result.Tenants, result.Reencrypted)); // gamma has no secrets
        Assert.NotEqual(oldKey, await File.ReadAllTextAsync(KeyFile));
        Assert.False(File.Exists(KeyFile + ".next"));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(KeyFile));
        var after = await BlobsAsync(stores);
        foreach (var name in new[] { "acme", "beta" })
        {
            Assert.NotEqual(before[name], after[name]);
            Assert.Equal(Fleet.Password, TenantSecrets.Open(stores.Protector, after[name], name)["db_password"]);
        }

        // A blob from before the rotation names a key that no longer exists.
        var e = Assert.Throws<ProvisionerException>(() => stores.Protector.Unprotect(before["acme"], "acme"));
        Assert.Contains("were encrypted with a key other than", e.Message);
    }

    [Fact]
    public async Task Rotate_KilledAfterSomeTenants_RerunFinishesWithTheSameNewKey()
    {
        using var stores = RegistryFactory.Open(_home, null, TimeProvider.System);
        await WriteFleetAsync(stores);

        // What a kill leaves: the next key written, acme already re-encrypted under it, beta not.
        File.Copy(KeyFile, KeyFile + ".old-for-test");
        Assert.True(Secrets.SecretKeyFile.TryCreate(KeyFile + ".next", System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
        var acme = (await stores.Registry.GetAsync("acme"))!;
        var plain = stores.Protector.Unprotect(acme.EncryptedSecrets, "acme");
        await stores.Registry.SaveAsync(acme with { EncryptedSecrets = stores.Protector.Protect(plain, "acme") });
        var nextKey = await File.ReadAllTextAsync(KeyFile + ".next");

        var result = await stores.RotateKeyAsync();

        Assert.Equal((3, 1), (result.Tenants, result.Reencrypted));
        Assert.Equal(nextKey, await File.ReadAllTextAsync(KeyFile));
        foreach (var name in new[] { "acme", "beta" })
        {
            Assert.Equal(Fleet.Password, TenantSecrets.Open(stores.Protector, (await stores.Registry.GetAsync(name))!.EncryptedSecrets, name)["db_password"]);
        }
    }

    [Fact]
    public async Task Rotate_ATenantIsBusy_StopsBeforeReplacingTheKey_RerunFinishes()
    {
        using var stores = RegistryFactory.Open(_home, null, TimeProvider.System);
        await WriteFleetAsync(stores);
        var oldKey = await File.ReadAllTextAsync(KeyFile);

        using (stores.Locks.Acquire("tenant beta", "upgrade"))
        {
            await Assert.ThrowsAsync<LockHeldException>(() => stores.RotateKeyAsync());
        }

        Assert.Equal(oldKey, await File.ReadAllTextAsync(KeyFile));
        Assert.True(File.Exists(KeyFile + ".next"));
        Assert.Equal(Fleet.Password, TenantSecrets.Open(stores.Protector, (await stores.Registry.GetAsync("beta"))!.EncryptedSecrets, "beta")["db_password"]);

        var result = await stores.RotateKeyAsync();
        Assert.Equal(3, result.Tenants);
        Assert.False(File.Exists(KeyFile + ".next"));
    }

    /// <summary>The shared test fleet; gamma (a failed first provision) has no secrets, as in a real registry.</summary>
    private static async Task WriteFleetAsync(RegistryStores stores)
    {
        await Fleet.WriteAsync(stores);
        await stores.Registry.SaveAsync((await stores.Registry.GetAsync("gamma"))! with { EncryptedSecrets = [] });
    }

    private static async Task<Dictionary<string, byte[]>> BlobsAsync(RegistryStores stores) =>
        (await stores.Registry.ListAsync()).Where(t => t.EncryptedSecrets.Length > 0).ToDictionary(t => t.Name, t => t.EncryptedSecrets);
}
