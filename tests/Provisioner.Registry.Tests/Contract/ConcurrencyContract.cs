using Provisioner.Core.Capacity;
using Provisioner.Core.Errors;
using Provisioner.Core.Provisioning;
using Provisioner.Core.Tenants;
using Provisioner.Registry.Tests.Fakes;
using Provisioner.Registry.Tests.Support;

namespace Provisioner.Registry.Tests.Contract;

/// <summary>
/// Several clients provisioning into one registry at once, through the real provisioning code (tenant locks, the capacity
/// admission's host lock, the registry) and a fake backend: every tenant is recorded once and the host is never overbooked.
/// </summary>
public abstract class ConcurrencyContract : StoreContract
{
    [Fact]
    public async Task Provision_FourClientsEightTenantsAtOnce_EachRecordedOnceAndCapacityNeverOverbooked()
    {
        // 4 CPUs, 25% kept back: 3 CPUs for tenants, so 6 of the 8 half-CPU tenants fit.
        var host = new HostFacts("shared-host", 4, 64L << 30, 1L << 40);
        var capacity = new CapacityOptions { Reserve = 0.25, CpuOvercommit = 1, Scope = CapacityScope.Registry, AdmissionWait = TimeSpan.FromSeconds(60) };
        var backend = new InstantBackend("shared-host", TimeSpan.FromMilliseconds(150));
        var clients = Enumerable.Range(0, 4).Select(_ => Provisioning.For(Store.OpenPeer(), backend, host, capacity)).ToList();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            try
            {
                await clients[i % 4].ProvisionAsync(new ProvisionRequest($"c{i}", Template: "shop", Size: "small"), null, default);
                return ExitCodes.Ok;
            }
            catch (ProvisionerException e)
            {
                return e.ExitCode;
            }
        })));

        Assert.Equal([(ExitCodes.Ok, 6), (ExitCodes.CapacityNo, 2)], outcomes.GroupBy(c => c).Select(g => (g.Key, g.Count())).OrderBy(g => g.Key));
        var registry = Store.OpenPeer().Registry;
        var tenants = await registry.ListAsync();
        Assert.Equal(6, tenants.Count);
        Assert.All(tenants, t => Assert.Equal(TenantStatus.Active, t.Status));
        Assert.All(tenants, t => Assert.Equal(1, backend.Applied[t.Name]));
        Assert.Equal(tenants.Select(t => t.Name).Order(), (await registry.Journal.ListAsync(null, 100)).Select(o => o.Tenant).Order());
        Assert.All(await registry.Journal.ListAsync(null, 100), o => Assert.Equal(JournalStatus.Succeeded, o.Status));
        Assert.True(tenants.Count * 0.5 <= host.Cpus * (1 - capacity.Reserve), $"{tenants.Count} half-CPU tenants on {host.Cpus * (1 - capacity.Reserve)} CPUs");
    }
}
