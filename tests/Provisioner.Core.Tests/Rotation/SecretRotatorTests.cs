using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Provisioner.Core.Backends;
using Provisioner.Core.Errors;
using Provisioner.Core.Health;
using Provisioner.Core.Provisioning;
using Provisioner.Core.Rotation;
using Provisioner.Core.Secrets;
using Provisioner.Core.Tenants;
using Provisioner.Core.Tests.Capacity;
using Provisioner.Core.Tests.Fakes;
using Provisioner.Core.Tests.Health;

namespace Provisioner.Core.Tests.Rotation;

/// <summary>
/// <see cref="SecretRotator"/>'s order and its resume, with an in-memory registry and a recording database: the new value is
/// pending in the registry before the database changes, and a run stopped at any call is finished by a rerun with that same
/// value, so the registry, the database and the files agree in the end.
/// </summary>
public sealed class SecretRotatorTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly InMemoryRegistry _registry;
    private readonly InMemoryBackend _backend = new();
    private readonly FakeLocks _locks = new();
    private readonly PrefixProtector _protector = new();
    private readonly InMemoryCatalog _catalog = new([RotationTemplates.Notes()]);
    private readonly RecordingPasswordChanger _db = new();
    private bool _healthy = true;
    private TimeProvider _healthTime;

    public SecretRotatorTests()
    {
        _registry = new InMemoryRegistry(_time);
        _healthTime = _time;
    }

    // A failing gate waits for its deadline: that test gives it the real clock and a short one.
    private HealthGate Health() => new([new FakeProbe((_, _) => _healthy)], _healthTime, new HealthGateOptions { Deadline = TimeSpan.FromSeconds(1), Delay = TimeSpan.FromMilliseconds(50), MaxDelay = TimeSpan.FromMilliseconds(50) });

    private SecretRotator Rotator(IPasswordChanger? changer) =>
        new(_registry, _locks, _catalog, _backend, changer, _protector, Health(), _time, NullLogger<SecretRotator>.Instance);

    private async Task<string> ProvisionAsync(string name = "acme")
    {
        await new TenantProvisioner(_catalog, _registry, _locks, _backend, _protector, Health(), _ => true, new ProvisionerOptions(), _time, NullLogger<TenantProvisioner>.Instance)
            .ProvisionAsync(new ProvisionRequest(name), null, CancellationToken.None);
        var password = Secrets(name)["db_password"];
        _db.Password = password;
        _db.Files["app"] = password;
        _db.Files["db"] = password;
        return password;
    }

    private TenantSecrets Secrets(string name) => TenantSecrets.Open(_protector, _registry[name].EncryptedSecrets, name);

    private void AssertAgree(string name)
    {
        var current = Secrets(name)["db_password"];
        Assert.Equal(current, _db.Password);
        Assert.All(_db.Files.Values, f => Assert.Equal(current, f));
        Assert.False(Secrets(name).Contains(PendingSecret.Key("db_password")));
    }

    [Fact]
    public async Task Rotate_ActiveTenant_PendingThenDatabaseThenFilesThenCommitThenVerify()
    {
        var old = await ProvisionAsync();

        var result = await Rotator(_db).RotateAsync("acme", null, null, CancellationToken.None);

        Assert.NotEqual(old, Secrets("acme")["db_password"]);
        AssertAgree("acme");
        Assert.Equal(["set-password", "deliver db", "deliver app", "login", "login"], _db.Calls);
        var rotated = Assert.Single(result.Secrets);
        Assert.Equal(("db_password", "notes", false), (rotated.Secret, rotated.Role, rotated.Resumed));
        var operation = _registry.Journal.Operations.Last();
        Assert.Equal(("rotate", JournalStatus.Succeeded), (operation.Kind, operation.Status));
        Assert.Equal(["pending", "set-password", "deliver", "deliver", "commit", "verify", "health"], operation.Steps.Select(s => s.Name));
        Assert.Empty(_locks.Held);
    }

    [Theory]
    [InlineData("set-password")]
    [InlineData("deliver app")]
    [InlineData("deliver db")]
    public async Task Rotate_StoppedBeforeCommit_RerunFinishesWithThePendingValue(string killedAt)
    {
        var old = await ProvisionAsync();
        _db.FailAt = killedAt;

        await Assert.ThrowsAsync<InvalidOperationException>(() => Rotator(_db).RotateAsync("acme", null, null, CancellationToken.None));
        var pending = Secrets("acme")[PendingSecret.Key("db_password")];
        Assert.Equal(old, Secrets("acme")["db_password"]);
        Assert.Equal(JournalStatus.Failed, _registry.Journal.Operations.Last().Status);

        var result = await Rotator(_db).RotateAsync("acme", null, null, CancellationToken.None);

        Assert.True(Assert.Single(result.Secrets).Resumed);
        Assert.Equal(pending, Secrets("acme")["db_password"]);
        AssertAgree("acme");
    }

    [Fact]
    public async Task Rotate_StoppedAtVerify_TheRotationIsCommittedAndARerunRotatesAgain()
    {
        await ProvisionAsync();
        _db.FailAt = "login";

        await Assert.ThrowsAsync<InvalidOperationException>(() => Rotator(_db).RotateAsync("acme", null, null, CancellationToken.None));
        AssertAgree("acme");
        var committed = Secrets("acme")["db_password"];

        var again = await Rotator(_db).RotateAsync("acme", null, null, CancellationToken.None);

        Assert.False(Assert.Single(again.Secrets).Resumed);
        Assert.NotEqual(committed, Secrets("acme")["db_password"]);
        AssertAgree("acme");
    }

    [Fact]
    public async Task Rotate_OldPasswordStillLogsIn_Fails()
    {
        await ProvisionAsync();
        var lenient = new LenientDatabase(_db);

        var error = await Assert.ThrowsAsync<ProvisionerException>(() => Rotator(lenient).RotateAsync("acme", null, null, CancellationToken.None));

        Assert.Contains("the old db_password still logs notes in", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rotate_UnhealthyAfterwards_ExitsUnhealthyWithTheNewPasswordInPlace()
    {
        await ProvisionAsync();
        _healthy = false;
        _healthTime = TimeProvider.System;

        var error = await Assert.ThrowsAsync<ProvisionerException>(() => Rotator(_db).RotateAsync("acme", null, null, CancellationToken.None));

        Assert.Equal(ExitCodes.Unhealthy, error.ExitCode);
        AssertAgree("acme");
    }

    [Fact]
    public async Task Rotate_BackendWithoutPasswordChanger_RefusesNotSupportedAndChangesNothing()
    {
        var old = await ProvisionAsync();
        var operations = _registry.Journal.Operations.Count;

        var error = await Assert.ThrowsAsync<BadInputException>(() => Rotator(null).RotateAsync("acme", null, null, CancellationToken.None));

        Assert.StartsWith("rotate is not supported on memory yet", error.Message, StringComparison.Ordinal);
        Assert.Equal(old, Secrets("acme")["db_password"]);
        Assert.Equal(operations, _registry.Journal.Operations.Count);
    }

    [Fact]
    public async Task Rotate_SuspendedTenant_Refuses()
    {
        await ProvisionAsync();
        await _registry.SaveAsync(_registry["acme"] with { Status = TenantStatus.Suspended });

        var error = await Assert.ThrowsAsync<BadInputException>(() => Rotator(_db).RotateAsync("acme", null, null, CancellationToken.None));

        Assert.Contains("is Suspended", error.Message, StringComparison.Ordinal);
        Assert.Empty(_db.Calls);
    }

    [Fact]
    public async Task RotateAll_OneTenantFails_TheOthersAreRotatedAndItCarriesItsError()
    {
        await ProvisionAsync("acme");
        await ProvisionAsync("beta");
        _db.FailAt = "set-password"; // the first tenant's rotation (parallel 1: in name order)
        var fleet = new FleetRotator(_registry, _catalog, _ => Rotator(_db), _time, NullLogger<FleetRotator>.Instance);

        var results = await fleet.RotateAllAsync(1, null, CancellationToken.None);

        Assert.Equal(["acme", "beta"], results.Select(r => r.Tenant));
        Assert.Equal("killed at set-password", results[0].Error);
        Assert.True(results[1].Succeeded);
        Assert.Equal(Secrets("beta")["db_password"], _db.Password);
    }

    /// <summary>A database that lets every password in (as if ALTER ROLE had not happened).</summary>
    private sealed class LenientDatabase(RecordingPasswordChanger inner) : IPasswordChanger
    {
        public Task SetPasswordAsync(string tenant, RotatableSecret secret, string password, CancellationToken ct) => inner.SetPasswordAsync(tenant, secret, password, ct);

        public Task DeliverAsync(string tenant, string component, string secret, string value, CancellationToken ct) => inner.DeliverAsync(tenant, component, secret, value, ct);

        public Task<bool> AuthenticatesAsync(string tenant, RotatableSecret secret, string password, CancellationToken ct) => Task.FromResult(true);
    }
}
