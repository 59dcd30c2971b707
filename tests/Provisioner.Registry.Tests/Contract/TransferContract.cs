using System.Text;
using Provisioner.Core.Errors;
using Provisioner.Core.Secrets;
using Provisioner.Registry.Tests.Support;

namespace Provisioner.Registry.Tests.Contract;

/// <summary><c>provision registry export|import</c> on every store: the whole registry moves, secrets still encrypted, all or nothing.</summary>
public abstract class TransferContract : StoreContract
{
    [Fact]
    public async Task Export_ThenImportIntoAnEmptyRegistry_ReadsBackTheSame()
    {
        var source = Store.Open();
        await Fleet.WriteAsync(source);
        var export = new StringWriter();
        var exported = await source.ExportAsync(export);
        await using var target = await EmptyStoreWithTheKeyAsync();

        var imported = await target.Open().ImportAsync(new StringReader(export.ToString()), "fleet.jsonl");

        Assert.Equal(new Transfer.RegistryTransferCounts(3, 2, 2), exported);
        Assert.Equal(exported, imported);
        Assert.Equal(await Fleet.ExportLinesAsync(source), await Fleet.ExportLinesAsync(target.Open()));
        var acme = await target.Open().Registry.GetAsync("acme");
        Assert.Equal(Fleet.Password, TenantSecrets.Open(target.Open().Protector, acme!.EncryptedSecrets, "acme")["db_password"]);
    }

    [Fact]
    public async Task Export_HoldsSecretsEncryptedAndNeverTheKey()
    {
        var stores = Store.Open();
        await Fleet.WriteAsync(stores);
        var export = new StringWriter();

        await stores.ExportAsync(export);

        var text = export.ToString();
        Assert.DoesNotContain(Fleet.Password, text);
        Assert.DoesNotContain(File.ReadAllText(stores.KeyFile).Trim(), text);
        Assert.Contains($"\"keyId\":\"{Secrets.SecretKeyId.OfFile(stores.KeyFile)}\"", text);
    }

    [Fact]
    public async Task Import_TenantsItAlreadyHas_RefusedWithExit3_ReplacedWithReplace()
    {
        var stores = Store.Open();
        await Fleet.WriteAsync(stores);
        var export = new StringWriter();
        await stores.ExportAsync(export);
        await stores.Registry.SaveAsync((await stores.Registry.GetAsync("acme"))! with { Size = "large" });

        var e = await Assert.ThrowsAsync<ProvisionerException>(() => stores.ImportAsync(new StringReader(export.ToString()), "fleet.jsonl"));
        Assert.Equal(ExitCodes.Locked, e.ExitCode);
        Assert.Contains("already has 3 of the file's tenants (acme, beta, gamma)", e.Message);
        Assert.Equal("large", (await stores.Registry.GetAsync("acme"))!.Size);

        var replaced = await stores.ImportAsync(new StringReader(export.ToString()), "fleet.jsonl", replace: true);

        Assert.Equal(new Transfer.RegistryTransferCounts(3, 0, 0, ReplacedTenants: 3, SkippedOperations: 2, SkippedSnapshots: 2), replaced);
        Assert.Equal("small", (await stores.Registry.GetAsync("acme"))!.Size);
        Assert.Equal(2, (await stores.Registry.Journal.ListAsync(null, 100)).Count);
    }

    [Fact]
    public async Task Import_FileCutShort_RefusedAndNothingWritten()
    {
        var stores = Store.Open();
        await Fleet.WriteAsync(stores);
        var export = new StringWriter();
        await stores.ExportAsync(export);
        var cut = string.Join('\n', export.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)[..^2]);
        await using var target = await EmptyStoreWithTheKeyAsync();

        var e = await Assert.ThrowsAsync<BadInputException>(() => target.Open().ImportAsync(new StringReader(cut), "fleet.jsonl"));

        Assert.Contains("fleet.jsonl ends before its end line (it was cut short); nothing was imported", e.Message);
        Assert.Empty(await target.Open().Registry.ListAsync());
    }

    [Fact]
    public async Task Import_MalformedLine_RefusedNamingTheLine()
    {
        var text = ExportFiles.With(ExportFiles.RunningOperation("acme", 1)).Replace("\"pid\":1,", "\"pid\":\"one\",", StringComparison.Ordinal);

        var e = await Assert.ThrowsAsync<BadInputException>(() => Store.Open().ImportAsync(new StringReader(text), "fleet.jsonl"));

        Assert.StartsWith("fleet.jsonl:2: a operation line is malformed", e.Message);
        Assert.Empty(await Store.Open().Registry.Journal.ListAsync(null, 10));
    }

    [Fact]
    public async Task Import_SecretsEncryptedWithAnotherKey_RefusedNamingBothKeys()
    {
        var stores = Store.Open();
        await Fleet.WriteAsync(stores);
        var export = new StringWriter();
        await stores.ExportAsync(export);
        await using var target = CreateStore();
        await target.InitializeAsync();
        var other = target.Open();
        other.Protector.Protect(Encoding.UTF8.GetBytes("{}"), "x"); // this home has a key of its own

        var e = await Assert.ThrowsAsync<BadInputException>(() => other.ImportAsync(new StringReader(export.ToString()), "fleet.jsonl"));

        Assert.Contains($"fleet.jsonl holds secrets encrypted with key {Secrets.SecretKeyId.OfFile(stores.KeyFile)}, not with {other.KeyFile}", e.Message);
        Assert.Empty(await other.Registry.ListAsync());
    }

    /// <summary>A second, empty store of the same kind whose home holds a copy of this store's key (as a team member's would).</summary>
    private async Task<StoreUnderTest> EmptyStoreWithTheKeyAsync()
    {
        var target = CreateStore();
        await target.InitializeAsync();
        File.Copy(Store.Open().KeyFile, Path.Combine(target.Home, "secret.key"));
        return target;
    }
}
