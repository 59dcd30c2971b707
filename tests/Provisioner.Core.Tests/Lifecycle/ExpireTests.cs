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
/// Expiry end to end in memory: <c>tenant --ttl</c> records it, a rerun keeps it (a new --ttl replaces it), <c>expire</c>
/// removes only expired tenants with their data, and a dry run removes nothing.
/// </summary>
public sealed class ExpireTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly InMemoryRegistry _registry;
    private readonly InMemoryBackend _backend = new();
    private readonly FakeLocks _locks = new();
    private readonly string _backups = Directory.CreateTempSubdirectory("expire-").FullName;

    public ExpireTests() => _registry = new InMemoryRegistry(_time);

    private Task<ProvisionResult> ProvisionAsync(ProvisionRequest request) => new TenantProvisioner(
        new InMemoryCatalog("1.0.0"), _registry, _locks, _backend, new PrefixProtector(),
        new HealthGate([new FakeProbe((_, _) => true)], _time, new HealthGateOptions { Deadline = TimeSpan.FromSeconds(10) }),
        _ => true, new ProvisionerOptions(), _time, NullLogger<TenantProvisioner>.Instance).ProvisionAsync(request, null, CancellationToken.None);

    private TenantExpirer Expirer() => new(
        _registry, _ => new TenantDestroyer(_registry, _locks, _backend, _backups, _time, NullLogger<TenantDestroyer>.Instance), _time, NullLogger<TenantExpirer>.Instance);

    [Fact]
    public async Task Provision_TtlThenRerun_ExpiryKeptUnlessANewTtlIsGiven()
    {
        await ProvisionAsync(new ProvisionRequest("demo", Ttl: TimeSpan.FromHours(4)));
        var expires = _time.GetUtcNow().AddHours(4);
        _time.Advance(TimeSpan.FromHours(1));

        await ProvisionAsync(new ProvisionRequest("demo"));
        Assert.Equal(expires, _registry["demo"].ExpiresAt);

        await ProvisionAsync(new ProvisionRequest("demo", Ttl: TimeSpan.FromHours(1)));
        Assert.Equal(_time.GetUtcNow().AddHours(1), _registry["demo"].ExpiresAt);
    }

    [Fact]
    public async Task Provision_ExpiresInThePastOrBothGiven_BadInputNothingWritten()
    {
        await Assert.ThrowsAsync<BadInputException>(() => ProvisionAsync(new ProvisionRequest("demo", ExpiresAt: _time.GetUtcNow().AddMinutes(-1))));
        await Assert.ThrowsAsync<BadInputException>(() => ProvisionAsync(new ProvisionRequest("demo", Ttl: TimeSpan.FromHours(1), ExpiresAt: _time.GetUtcNow().AddHours(2))));

        Assert.Empty(_registry.Tenants);
    }

    [Fact]
    public async Task Expire_OneExpiredOneNotOneWithout_RemovesOnlyTheExpiredWithItsData()
    {
        await ProvisionAsync(new ProvisionRequest("short", Ttl: TimeSpan.FromHours(1)));
        await ProvisionAsync(new ProvisionRequest("long", Ttl: TimeSpan.FromDays(1)));
        await ProvisionAsync(new ProvisionRequest("keeper"));
        _time.Advance(TimeSpan.FromHours(2));

        var dry = await Expirer().ExpireAsync(dryRun: true, null, CancellationToken.None);
        Assert.Equal([("short", ExpiredTenant.WouldRemove)], dry.Tenants.Select(t => (t.Tenant, t.Outcome)));
        Assert.NotEmpty(_backend.ResourcesOf("short"));

        var result = await Expirer().ExpireAsync(dryRun: false, null, CancellationToken.None);

        Assert.Equal([("short", ExpiredTenant.Removed)], result.Tenants.Select(t => (t.Tenant, t.Outcome)));
        Assert.Equal(1, result.NotYetExpired);
        Assert.Empty(_backend.ResourcesOf("short"));
        Assert.Equal(["keeper", "long"], _registry.Tenants.Select(t => t.Name).Order(StringComparer.Ordinal));
        Assert.NotEmpty(_backend.ResourcesOf("long"));
        Assert.Equal(("expire", JournalStatus.Succeeded), _registry.Journal.Operations.Where(o => o.Tenant == "short").Select(o => (o.Kind, o.Status)).Last());
    }

    [Fact]
    public async Task Expire_ExpiryExtendedAfterSelection_SkippedNotRemoved()
    {
        await ProvisionAsync(new ProvisionRequest("demo", Ttl: TimeSpan.FromHours(1)));
        _time.Advance(TimeSpan.FromHours(2));
        var destroyer = new TenantDestroyer(_registry, _locks, _backend, _backups, _time, NullLogger<TenantDestroyer>.Instance);

        // What a `tenant demo --ttl 4h` between the selection and the removal leaves in the registry.
        var expirer = new TenantExpirer(_registry, t =>
        {
            _registry.SaveAsync(_registry["demo"] with { ExpiresAt = _time.GetUtcNow().AddHours(4) }).GetAwaiter().GetResult();
            return destroyer;
        }, _time, NullLogger<TenantExpirer>.Instance);

        var result = await expirer.ExpireAsync(dryRun: false, null, CancellationToken.None);

        Assert.Equal(ExpiredTenant.Skipped, result.Tenants.Single().Outcome);
        Assert.NotEmpty(_backend.ResourcesOf("demo"));
    }

    public void Dispose() => Directory.Delete(_backups, recursive: true);
}
