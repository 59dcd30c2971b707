using Microsoft.Extensions.Logging.Abstractions;
using Provisioner.Core.Capacity;
using Provisioner.Core.Errors;
using Provisioner.Core.Tenants;
using static Provisioner.Core.Tests.Capacity.Sizes;

namespace Provisioner.Core.Tests.Capacity;

public sealed class CapacityAdmissionTests
{
    private readonly FakeInventory _inventory = new(Host());
    private readonly FakeLocks _locks = new();

    private CapacityAdmission Admission(TimeSpan? wait = null) => new(
        _inventory, _locks, new CapacityOptions { AdmissionWait = wait ?? TimeSpan.Zero }, TimeProvider.System, NullLogger<CapacityAdmission>.Instance);

    [Fact]
    public async Task Admit_Fits_ReturnsHoldOnHostLock()
    {
        using var hold = await Admission().AdmitAsync("acme", "local", Template, "small", null, false, null, default);

        Assert.NotNull(hold);
        Assert.Contains("capacity local", _locks.Held);
        hold!.Dispose();
        Assert.Empty(_locks.Held);
    }

    [Fact]
    public async Task Admit_DoesNotFit_ThrowsExit4AndReleasesLock()
    {
        _inventory.Tenants.AddRange([Tenant("a", Small), Tenant("b", Small), Tenant("c", Small)]);

        var e = await Assert.ThrowsAsync<ProvisionerException>(() => Admission().AdmitAsync("acme", "local", Template, "small", null, false, null, default));

        Assert.Equal(ExitCodes.CapacityNo, e.ExitCode);
        Assert.Contains("cannot provision acme: 1 small tenant (notes@1.1.0) does not fit: CPU binds", e.Message);
        Assert.Contains("--force", e.Hint);
        Assert.Empty(_locks.Held);
    }

    [Fact]
    public async Task Admit_DoesNotFitButForced_ReportsAndAdmits()
    {
        _inventory.Tenants.Add(Tenant("a", Large));
        var progress = new List<string>();

        using var hold = await Admission().AdmitAsync("acme", "local", Template, "small", null, true, new Progress(progress), default);

        Assert.NotNull(hold);
        Assert.Contains("--force given", Assert.Single(progress));
    }

    [Fact]
    public async Task Admit_ExistingTenantSameSize_SkipsTheCheck()
    {
        _inventory.Tenants.Add(Tenant("a", Large));
        var existing = FakeRegistry.Tenant("acme", "small");

        var hold = await Admission().AdmitAsync("acme", "local", Template, "small", existing, false, null, default);

        Assert.Null(hold);
        Assert.Equal(0, _inventory.Reads);
    }

    [Fact]
    public async Task Admit_ResumeOfSuspendedTenantOnAFullHost_CheckedAgainAndRefusedWithExit4()
    {
        // A suspended tenant released its CPU and memory; meanwhile the host filled up, so its resume is refused like a new tenant.
        _inventory.Tenants.AddRange([Tenant("a", Small), Tenant("b", Small), Tenant("c", Small)]);
        var suspended = FakeRegistry.Tenant("acme", "small", TenantStatus.Suspended);

        var e = await Assert.ThrowsAsync<ProvisionerException>(() => Admission().AdmitAsync("acme", "local", Template, "small", suspended, false, null, default));

        Assert.Equal(ExitCodes.CapacityNo, e.ExitCode);
        Assert.Equal(1, _inventory.Reads);
    }

    [Fact]
    public async Task Admit_Resize_CountsOnlyTheDifference()
    {
        // acme holds small (0.5) of 1.8 CPUs; growing it to large needs 2 CPUs in all: refused. Its own small is not counted twice.
        _inventory.Tenants.Add(Tenant("acme", Small));
        var existing = FakeRegistry.Tenant("acme", "small");

        var e = await Assert.ThrowsAsync<ProvisionerException>(() => Admission().AdmitAsync("acme", "local", Template, "large", existing, false, null, default));

        Assert.Contains("local has 1.8 CPUs free", e.Message);
    }

    [Fact]
    public async Task Admit_AnotherCheckHoldsTheHost_WaitsThenGivesUpWithExit3()
    {
        _locks.Held.Add("capacity local");

        var e = await Assert.ThrowsAsync<LockHeldException>(() => Admission(TimeSpan.FromMilliseconds(250)).AdmitAsync("acme", "local", Template, "small", null, false, null, default));

        Assert.Equal(ExitCodes.Locked, e.ExitCode);
    }

    private sealed class Progress(List<string> lines) : IProgress<string>
    {
        public void Report(string value) => lines.Add(value);
    }
}
