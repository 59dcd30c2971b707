using Provisioner.Core.Errors;
using Provisioner.Core.Tenants;
using Provisioner.Registry.Tests.Support;

namespace Provisioner.Registry.Tests.Contract;

/// <summary>Tenants: what every registry store must do (run against SQLite and PostgreSQL).</summary>
public abstract class RegistryContract : StoreContract
{
    [Fact]
    public async Task Save_Get_List_Delete_RoundTrip()
    {
        var registry = Store.OpenRegistry();

        await registry.SaveAsync(Tenants.Of("acme") with { Endpoint = "http://127.0.0.1:20000" });
        await registry.SaveAsync(Tenants.Of("beta"));
        await registry.SaveAsync(Tenants.Of("acme") with { Status = TenantStatus.Active });

        var acme = await registry.GetAsync("acme");
        Assert.Equal(TenantStatus.Active, acme!.Status);
        Assert.Equal([1, 2, 3], acme.EncryptedSecrets);
        Assert.Equal(["acme", "beta"], (await registry.ListAsync()).Select(t => t.Name));
        await registry.DeleteAsync("acme");
        Assert.Null(await registry.GetAsync("acme"));
    }

    [Fact]
    public async Task Save_EveryField_ReadsBackExactlyToTheMicrosecond()
    {
        var registry = Store.OpenRegistry();
        var tenant = Tenants.Of("acme") with
        {
            Endpoint = "http://127.0.0.1:20007", HostPort = 20007, LastError = "db: not ready", EncryptedSecrets = [0, 255, 7], PinnedVersion = "1.0.0",
            ExpiresAt = new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.FromHours(1)).AddTicks(1234567),
        };

        await registry.SaveAsync(tenant);

        var read = await registry.GetAsync("acme");
        var expected = tenant with
        {
            CreatedAt = RegistryTime.Normalize(tenant.CreatedAt), UpdatedAt = RegistryTime.Normalize(tenant.UpdatedAt), ExpiresAt = RegistryTime.Normalize(tenant.ExpiresAt!.Value),
        };
        Assert.Equal(expected with { EncryptedSecrets = [] }, read! with { EncryptedSecrets = [] });
        Assert.Equal(tenant.EncryptedSecrets, read.EncryptedSecrets);
        Assert.Equal(TimeSpan.Zero, read.UpdatedAt.Offset);
    }

    [Fact]
    public async Task List_OrdersNamesBytewise()
    {
        var registry = Store.OpenRegistry();
        foreach (var name in new[] { "b", "a-2", "a", "a1" })
        {
            await registry.SaveAsync(Tenants.Of(name));
        }

        Assert.Equal(["a", "a-2", "a1", "b"], (await registry.ListAsync()).Select(t => t.Name));
    }

    [Fact]
    public async Task Save_PinnedVersion_RoundTripsAndClears()
    {
        var registry = Store.OpenRegistry();

        await registry.SaveAsync(Tenants.Of("acme") with { PinnedVersion = "1.0.0" });
        Assert.Equal("1.0.0", (await registry.GetAsync("acme"))!.PinnedVersion);
        await registry.SaveAsync((await registry.GetAsync("acme"))! with { PinnedVersion = null });

        Assert.Null((await registry.GetAsync("acme"))!.PinnedVersion);
    }

    [Fact]
    public async Task Save_ExpiresAt_RoundTripsAndClears()
    {
        var registry = Store.OpenRegistry();
        var at = new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);

        await registry.SaveAsync(Tenants.Of("demo") with { ExpiresAt = at });
        Assert.Equal(at, (await registry.GetAsync("demo"))!.ExpiresAt);
        Assert.Equal(TimeSpan.Zero, (await registry.ListAsync()).Single().ExpiresAt!.Value.Offset);
        await registry.SaveAsync((await registry.GetAsync("demo"))! with { ExpiresAt = null });

        Assert.Null((await registry.GetAsync("demo"))!.ExpiresAt);
    }

    [Fact]
    public async Task SaveWithNewPort_SkipsTakenAndBusyPorts()
    {
        var registry = Store.OpenRegistry();

        var a = await registry.SaveWithNewPortAsync(Tenants.Of("a"), 20000, 20010, _ => true);
        var b = await registry.SaveWithNewPortAsync(Tenants.Of("b"), 20000, 20010, p => p != 20001);

        Assert.Equal(20000, a.HostPort);
        Assert.Equal(20002, b.HostPort);
    }

    [Fact]
    public async Task SaveWithNewPort_RangeExhausted_SaysWhatToDo()
    {
        var registry = Store.OpenRegistry();
        await registry.SaveWithNewPortAsync(Tenants.Of("a"), 20000, 20000, _ => true);

        var e = await Assert.ThrowsAsync<ProvisionerException>(() => registry.SaveWithNewPortAsync(Tenants.Of("b"), 20000, 20000, _ => true));

        Assert.Contains("no free port", e.Message);
        Assert.Equal(ExitCodes.CapacityNo, e.ExitCode);
        Assert.Null(await registry.GetAsync("b"));
    }

    [Fact]
    public async Task SaveWithNewPort_FourClientsAtOnce_NeverShareAPort()
    {
        var clients = Enumerable.Range(0, 4).Select(_ => Store.OpenPeer().Registry).ToList();

        var saved = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            Task.Run(() => clients[i % 4].SaveWithNewPortAsync(Tenants.Of($"t{i}"), 20000, 20099, _ => true))));

        Assert.Equal(16, saved.Select(t => t.HostPort).Distinct().Count());
        Assert.Equal(Enumerable.Range(20000, 16), (await clients[0].ListAsync()).Select(t => t.HostPort!.Value).Order());
    }
}
