using Microsoft.Extensions.Logging.Abstractions;
using Provisioner.Core.Capacity;
using Provisioner.Core.Errors;
using Provisioner.Core.Tenants;
using static Provisioner.Core.Tests.Capacity.Sizes;

namespace Provisioner.Core.Tests.Capacity;

/// <summary><see cref="CapacityAdmission.PlaceAsync"/>: admission that also chooses the host, for a backend over several (a cluster).</summary>
public sealed class CapacityPlacementTests
{
    private readonly FakeInventory _inventory = new(Host("swt1"), Host("swt2"), Host("swt3"));
    private readonly FakeLocks _locks = new();

    private CapacityAdmission Admission() => new(
        _inventory, _locks, new CapacityOptions { AdmissionWait = TimeSpan.Zero }, TimeProvider.System, NullLogger<CapacityAdmission>.Instance);

    [Fact]
    public async Task Place_NewTenant_GoesToTheNodeWhereMostStillFitUnderTheClusterLock()
    {
        _inventory.Tenants.AddRange([Tenant("a", Small, "swt1"), Tenant("b", Small, "swt2")]);

        var admission = await Admission().PlaceAsync("acme", "swarm", Template, "small", null, false, null, default);

        Assert.Equal("swt3", admission.Host);
        Assert.Contains("capacity swarm", _locks.Held);
        admission.Hold!.Dispose();
        Assert.Empty(_locks.Held);
    }

    [Fact]
    public async Task Place_FitsOnNoNode_ThrowsExit4NamingTheNodeWithTheMostRoom()
    {
        var e = await Assert.ThrowsAsync<ProvisionerException>(() => Admission().PlaceAsync("acme", "swarm", Template, "large", null, false, null, default));

        Assert.Equal(ExitCodes.CapacityNo, e.ExitCode);
        Assert.Contains("does not fit: CPU binds; each needs 2 CPUs and swt1 has 1.8 CPUs free", e.Message);
        Assert.Empty(_locks.Held);
    }

    [Fact]
    public async Task Place_RecordedTenantSameSize_StaysOnItsNodeWithoutACheck()
    {
        var existing = FakeRegistry.Tenant("acme", "small") with { Host = "swt2" };

        var admission = await Admission().PlaceAsync("acme", "swarm", Template, "small", existing, false, null, default);

        Assert.Equal("swt2", admission.Host);
        Assert.Null(admission.Hold);
        Assert.Equal(0, _inventory.Reads);
    }

    [Fact]
    public async Task Place_RecordedTenantResized_MustFitOnItsOwnNode()
    {
        // swt2 holds others; swt1 and swt3 are empty: a resize of acme (data on swt2) to large is refused there, not moved.
        _inventory.Tenants.AddRange([Tenant("a", Small, "swt2"), Tenant("b", Small, "swt2"), Tenant("c", Small, "swt2")]);
        var existing = FakeRegistry.Tenant("acme", "small") with { Host = "swt2" };

        var e = await Assert.ThrowsAsync<ProvisionerException>(() => Admission().PlaceAsync("acme", "swarm", Template, "large", existing, false, null, default));

        Assert.Contains("swt2 has", e.Message);
    }
}
