using Provisioner.Core.Capacity;
using Provisioner.Core.Provisioning;
using NuGet.Versioning;
using Provisioner.Core.Tenants;
using Provisioner.Core.Upgrades;
using Provisioner.Registry.Tests.Fakes;
using Provisioner.Registry.Tests.Support;

namespace Provisioner.Registry.Tests.Postgres;

/// <summary>
/// The registry's PostgreSQL restarting in the middle of an operation (a server of this test's own, really restarted): one
/// clear error, nothing recorded after the restart, and the rerun converges with the journal showing the interrupted step.
/// </summary>
[Trait("Category", "Integration")]
public sealed class RestartTests
{
    [Fact]
    public async Task Provision_DatabaseRestartsMidway_ClearErrorThenRerunConverges()
    {
        await using var server = await PrivatePostgres.StartAsync();
        var url = await TestPostgres.CreateDatabaseAsync(server.AdminUrl);
        await using var store = new UrlStore(url);
        var restarted = 0;
        var backend = new InstantBackend("local", TimeSpan.Zero, async _ =>
        {
            if (Interlocked.Increment(ref restarted) == 1)
            {
                await server.RestartAsync();
            }
        });
        var client = store.Open();
        var provisioner = Provisioning.For(client, backend, new HostFacts("local", 4, 8L << 30, 1L << 40), new CapacityOptions { Scope = CapacityScope.Registry });

        var e = await Assert.ThrowsAsync<RegistryUnreachableException>(() => provisioner.ProvisionAsync(new ProvisionRequest("acme", "shop"), null, default));
        var rerun = await provisioner.ProvisionAsync(new ProvisionRequest("acme", "shop"), null, default);

        Assert.Matches(@"^registry at 127\.0\.0\.1:\d+ is unreachable \(.+\); rerun the same command to converge$", e.Message);
        Assert.Equal(TenantStatus.Active, rerun.Tenant.Status);
        var ops = await client.Registry.Journal.ListAsync("acme", 10);
        Assert.Equal([JournalStatus.Succeeded, JournalStatus.Interrupted], ops.Select(o => o.Status));
        Assert.Equal(
            [("reserve", JournalStatus.Done), ("create container", JournalStatus.Interrupted)],
            ops[1].Steps.Select(s => (s.Name, s.Status)));
    }

    [Fact]
    public async Task Upgrade_DatabaseRestartsMidway_ClearErrorThenRerunConverges()
    {
        await using var server = await PrivatePostgres.StartAsync();
        await using var store = new UrlStore(await TestPostgres.CreateDatabaseAsync(server.AdminUrl));
        var restart = false;
        var backend = new InstantBackend("local", TimeSpan.Zero, async tenant =>
        {
            if (restart)
            {
                restart = false;
                await server.RestartAsync();
            }
        });
        var client = store.Open();
        await Provisioning.For(client, backend, new HostFacts("local", 4, 8L << 30, 1L << 40), new CapacityOptions { Scope = CapacityScope.Registry })
            .ProvisionAsync(new ProvisionRequest("acme", "shop@1.0.0"), null, default);
        var upgrader = Provisioning.Upgrader(client, backend);
        var settings = new UpgradeSettings { BackupRoot = store.Home, MonitorWindow = TimeSpan.FromMilliseconds(200) };
        restart = true;

        var e = await Assert.ThrowsAsync<RegistryUnreachableException>(() => upgrader.UpgradeAsync("acme", NuGetVersion.Parse("2.0.0"), settings, null, null, default));
        var rerun = await upgrader.UpgradeAsync("acme", NuGetVersion.Parse("2.0.0"), settings, null, null, default);

        Assert.Matches(@"^registry at 127\.0\.0\.1:\d+ is unreachable \(.+\); rerun the same command to converge$", e.Message);
        Assert.Equal(UpgradeOutcome.Upgraded, rerun.Outcome);
        var tenant = await client.Registry.GetAsync("acme");
        Assert.Equal(("2.0.0", TenantStatus.Active), (tenant!.Version, tenant.Status));
        var interrupted = Assert.Single(await client.Registry.Journal.ListAsync("acme", 10), o => o.Status == JournalStatus.Interrupted);
        Assert.Equal(UpgradeJournalNames.Operation, interrupted.Kind);
        Assert.Contains(interrupted.Steps, s => s.Status == JournalStatus.Interrupted);
    }
}
