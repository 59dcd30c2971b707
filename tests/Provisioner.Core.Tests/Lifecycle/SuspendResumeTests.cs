using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Provisioner.Core.Errors;
using Provisioner.Core.Health;
using Provisioner.Core.Lifecycle;
using Provisioner.Core.Provisioning;
using Provisioner.Core.Tenants;
using Provisioner.Core.Tests.Capacity;
using Provisioner.Core.Tests.Fakes;
using Provisioner.Core.Tests.Health;

namespace Provisioner.Core.Tests.Lifecycle;

/// <summary>
/// <see cref="TenantSuspender"/> and the way back (a provision of the suspended tenant) against the in-memory registry and
/// backend: the states, what is kept, the journal, and the states a suspend refuses.
/// </summary>
public sealed class SuspendResumeTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly InMemoryRegistry _registry;
    private readonly InMemoryBackend _backend = new();
    private readonly FakeLocks _locks = new();

    public SuspendResumeTests() => _registry = new InMemoryRegistry(_time);

    private TenantProvisioner Provisioner() => new(
        new InMemoryCatalog("1.0.0"), _registry, _locks, _backend, new PrefixProtector(),
        new HealthGate([new FakeProbe((_, _) => true)], _time, new HealthGateOptions { Deadline = TimeSpan.FromSeconds(10) }),
        _ => true, new ProvisionerOptions(), _time, NullLogger<TenantProvisioner>.Instance);

    private TenantSuspender Suspender() => new(_registry, _locks, _backend, _time, NullLogger<TenantSuspender>.Instance);

    [Fact]
    public async Task Suspend_ActiveTenant_ComputeRemovedVolumeSecretsAndPortKept()
    {
        var active = (await Provisioner().ProvisionAsync(new ProvisionRequest("acme"), null, CancellationToken.None)).Tenant;

        var suspended = await Suspender().SuspendAsync("acme", null, CancellationToken.None);

        Assert.Equal(TenantStatus.Suspended, suspended.Status);
        Assert.Equal(suspended, _registry["acme"]);
        Assert.Equal(active.HostPort, suspended.HostPort);
        Assert.Equal(active.EncryptedSecrets, suspended.EncryptedSecrets);
        Assert.Null(suspended.Endpoint);
        Assert.Equal(["volume t-acme-db-data"], _backend.ResourcesOf("acme"));
        var operation = _registry.Journal.Operations.Last();
        Assert.Equal(("suspend", JournalStatus.Succeeded), (operation.Kind, operation.Status));
        Assert.Equal(["stop"], operation.Steps.Select(s => s.Name));
        Assert.Empty(_locks.Held);
    }

    [Fact]
    public async Task Suspend_Rerun_ConvergesAndStaysSuspended()
    {
        await Provisioner().ProvisionAsync(new ProvisionRequest("acme"), null, CancellationToken.None);
        await Suspender().SuspendAsync("acme", null, CancellationToken.None);

        var again = await Suspender().SuspendAsync("acme", null, CancellationToken.None);

        Assert.Equal(TenantStatus.Suspended, again.Status);
        Assert.Equal(["volume t-acme-db-data"], _backend.ResourcesOf("acme"));
    }

    [Fact]
    public async Task Resume_SuspendedTenant_ActiveOnTheSamePortWithTheSameSecrets()
    {
        var active = (await Provisioner().ProvisionAsync(new ProvisionRequest("acme"), null, CancellationToken.None)).Tenant;
        await Suspender().SuspendAsync("acme", null, CancellationToken.None);

        var resumed = (await Provisioner().ProvisionAsync(new ProvisionRequest("acme"), null, CancellationToken.None)).Tenant;

        Assert.Equal(TenantStatus.Active, resumed.Status);
        Assert.Equal((active.HostPort, active.Endpoint), (resumed.HostPort, resumed.Endpoint));
        Assert.Equal(active.EncryptedSecrets, resumed.EncryptedSecrets);
        Assert.Contains("container t-acme-app", _backend.ResourcesOf("acme"));
    }

    [Theory]
    [InlineData(TenantStatus.Upgrading, ExitCodes.Locked)]
    [InlineData(TenantStatus.Restoring, ExitCodes.Locked)]
    [InlineData(TenantStatus.NeedsAttention, ExitCodes.Locked)]
    [InlineData(TenantStatus.Destroyed, ExitCodes.BadInput)]
    public async Task Suspend_MidOperationOrDestroyed_RefusedNothingChanged(string status, int exitCode)
    {
        var active = (await Provisioner().ProvisionAsync(new ProvisionRequest("acme"), null, CancellationToken.None)).Tenant;
        await _registry.SaveAsync(active with { Status = status });
        var before = _backend.ResourcesOf("acme").ToList();

        var e = await Assert.ThrowsAnyAsync<ProvisionerException>(() => Suspender().SuspendAsync("acme", null, CancellationToken.None));

        Assert.Equal(exitCode, e.ExitCode);
        Assert.Equal(before, _backend.ResourcesOf("acme").ToList());
        Assert.Equal(status, _registry["acme"].Status);
    }

    [Fact]
    public async Task Suspend_UnknownTenant_BadInput()
    {
        var e = await Assert.ThrowsAsync<BadInputException>(() => Suspender().SuspendAsync("nobody", null, CancellationToken.None));

        Assert.Equal(ExitCodes.BadInput, e.ExitCode);
    }
}
