using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Provisioner.Core.Errors;
using Provisioner.Core.Health;
using Provisioner.Core.Provisioning;
using Provisioner.Core.Secrets;
using Provisioner.Core.Templates;
using Provisioner.Core.Tenants;
using Provisioner.Core.Tests.Capacity;
using Provisioner.Core.Tests.Fakes;
using Provisioner.Core.Tests.Health;

namespace Provisioner.Core.Tests.Provisioning;

/// <summary>
/// <see cref="TenantProvisioner"/> against an in-memory registry, journal and backend, scripted probes and a fake clock.
/// The notes test template: networks internal and edge, the db's data volume, the migrate job, containers db then app.
/// </summary>
public sealed class TenantProvisionerTests
{
    private static readonly string[] Stamp =
    [
        "container t-acme-app", "container t-acme-db", "job t-acme-migrate", "network t-acme-edge", "network t-acme-internal", "volume t-acme-db-data",
    ];

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly InMemoryRegistry _registry;
    private readonly InMemoryBackend _backend = new();
    private readonly FakeLocks _locks = new();
    private readonly PrefixProtector _protector = new();
    private readonly List<string> _progress = [];
    private FakeProbe _probe = new((_, _) => true);

    public TenantProvisionerTests() => _registry = new InMemoryRegistry(_time);

    private TenantProvisioner Provisioner(Func<int, bool>? isPortFree = null, ProvisionerOptions? options = null) => new(
        new InMemoryCatalog("1.0.0", "1.1.0"), _registry, _locks, _backend, _protector,
        new HealthGate([_probe], _time, new HealthGateOptions { Deadline = TimeSpan.FromSeconds(10) }),
        isPortFree ?? (_ => true), options ?? new ProvisionerOptions(), _time, NullLogger<TenantProvisioner>.Instance);

    private Task<ProvisionResult> ProvisionAsync(ProvisionRequest request) =>
        Provisioner().ProvisionAsync(request, new SyncProgress(_progress), CancellationToken.None);

    [Fact]
    public async Task Provision_NewTenant_AppliesTheStampGatesAndRecordsItActive()
    {
        var result = await ProvisionAsync(new ProvisionRequest("acme"));

        Assert.Equal(("acme", "notes@1.1.0", "small", TenantStatus.Active), (result.Tenant.Name, result.Tenant.TemplateRef, result.Tenant.Size, result.Tenant.Status));
        Assert.Equal(("memory", "memory-host", 20000, "http://127.0.0.1:20000"), (result.Tenant.Backend.Name, result.Tenant.Host, result.Tenant.HostPort, result.Tenant.Endpoint));
        Assert.Equal(result.Tenant, _registry["acme"]);
        Assert.Equal(Stamp, _backend.ResourcesOf("acme"));
        Assert.Equal(6, result.Changes.Count);
        Assert.True(result.Health!.Passed);
        Assert.Contains("wait acme db", _backend.Calls); // the app waited for its database's SQL check

        var secrets = TenantSecrets.Open(_protector, _registry["acme"].EncryptedSecrets, "acme");
        Assert.True(secrets["db_password"].Length >= 32);

        var operation = Assert.Single(_registry.Journal.Operations);
        Assert.Equal(("acme", "provision", JournalStatus.Succeeded), (operation.Tenant, operation.Kind, operation.Status));
        Assert.Equal(["reserve", "create network", "create network", "create volume", "create container", "run job", "create container", "health"], operation.Steps.Select(s => s.Name));
        Assert.All(operation.Steps, s => Assert.Equal(JournalStatus.Done, s.Status));
        Assert.Equal(["tenant acme"], _locks.Taken);
        Assert.Empty(_locks.Held);
    }

    [Fact]
    public async Task Provision_RecordedPortTakenWhileTheEdgeIsOn_ANewPortNotTheEdge()
    {
        await ProvisionAsync(new ProvisionRequest("acme"));
        var edge = new ProvisionerOptions { Edge = new Core.Edge.EdgeOptions { Domain = "localhost", CaFile = "/tmp/ca.crt" } };

        // Its port taken by another process meanwhile: a new port, never none (none would put it behind the edge, which its
        // networks were not made for).
        var result = await Provisioner(port => port != 20000, edge).ProvisionAsync(new ProvisionRequest("acme"), null, CancellationToken.None);

        Assert.Equal((20001, "http://127.0.0.1:20001"), (result.Tenant.HostPort, result.Tenant.Endpoint));
    }

    [Fact]
    public async Task Provision_DataServersOnly_StartsAndGatesOnlyTheComponentsHoldingData()
    {
        var result = await ProvisionAsync(new ProvisionRequest("acme", DataServersOnly: true));

        Assert.True(result.Health!.Passed);
        Assert.Equal(["container t-acme-db", "network t-acme-edge", "network t-acme-internal", "volume t-acme-db-data"], _backend.ResourcesOf("acme"));
        var gate = Assert.Single(_progress, p => p.StartsWith("health gate: ", StringComparison.Ordinal));
        Assert.StartsWith("health gate: db:", gate);
        Assert.DoesNotContain("app:", gate);
        Assert.Equal("health gate, data components only", _registry.Journal.Operations.Single().Steps.Single(s => s.Name == "health").Detail);
    }

    [Fact]
    public async Task Provision_Rerun_ChangesNothingAndKeepsSecretsAndPort()
    {
        var first = await ProvisionAsync(new ProvisionRequest("acme"));

        var again = await ProvisionAsync(new ProvisionRequest("acme"));

        Assert.Empty(again.Changes);
        Assert.Equal(first.Tenant.HostPort, again.Tenant.HostPort);
        Assert.Equal(first.Tenant.EncryptedSecrets, again.Tenant.EncryptedSecrets);
        Assert.Equal([JournalStatus.Succeeded, JournalStatus.Succeeded], _registry.Journal.Operations.Select(o => o.Status));
    }

    [Theory]
    [InlineData("Acme!", null, null, "invalid tenant name 'Acme!'")]
    [InlineData("acme", null, "huge", "has no size 'huge'")]
    [InlineData("acme", "notes@9.9.9", null, "template notes@9.9.9 does not exist")]
    [InlineData("acme", "notes@x", null, "is not a semantic version")]
    public async Task Provision_BadInput_ThrowsAndCreatesNothing(string name, string? template, string? size, string message)
    {
        var e = await Assert.ThrowsAsync<BadInputException>(() => ProvisionAsync(new ProvisionRequest(name, template, size)));

        Assert.Contains(message, e.Message);
        Assert.Equal(ExitCodes.BadInput, e.ExitCode);
        Assert.Empty(_registry.Tenants);
        Assert.Empty(_registry.Journal.Operations);
        Assert.Empty(_backend.ResourcesOf(name));
        Assert.DoesNotContain(_backend.Calls, c => c.StartsWith("apply", StringComparison.Ordinal));
        Assert.Empty(_locks.Held);
    }

    [Fact]
    public async Task Provision_HealthGateFails_MarksFailedWithTheCheckAndLogsAndThrowsUnhealthy()
    {
        _probe = new FakeProbe((check, _) => !check.Contains("/readyz", StringComparison.Ordinal));

        var e = await Assert.ThrowsAsync<TenantUnhealthyException>(() => _time.RunAsync(() => ProvisionAsync(new ProvisionRequest("acme")), TimeSpan.FromSeconds(1)));

        Assert.Equal(ExitCodes.Unhealthy, e.ExitCode);
        var tenant = _registry["acme"];
        Assert.Equal(TenantStatus.Failed, tenant.Status);
        Assert.Contains("app:http /readyz", tenant.LastError);
        Assert.Contains("still failing after 10 s", tenant.LastError);
        Assert.Equal("acme app: last 20 lines", e.Result.LogTail);
        Assert.Equal(Stamp, _backend.ResourcesOf("acme")); // applied: a rerun converges from here
        var operation = Assert.Single(_registry.Journal.Operations);
        Assert.Equal(JournalStatus.Failed, operation.Status);
        Assert.Equal(("health", JournalStatus.Failed), (operation.Steps[^1].Name, operation.Steps[^1].Status));
        Assert.True(_probe.Calls["app:http /readyz"] > 1, "the gate retried before its deadline");
    }

    [Fact]
    public async Task Provision_BackendFailsMidApply_MarksFailedAndEndsTheOpenStepFailed()
    {
        _backend.FailOn = "t-acme-app";

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => ProvisionAsync(new ProvisionRequest("acme")));

        Assert.Equal(TenantStatus.Failed, _registry["acme"].Status);
        Assert.Equal(e.Message, _registry["acme"].LastError);
        var operation = Assert.Single(_registry.Journal.Operations);
        Assert.Equal((JournalStatus.Failed, e.Message), (operation.Status, operation.Error));
        Assert.Equal(("create container", JournalStatus.Failed), (operation.Steps[^1].Name, operation.Steps[^1].Status));
        Assert.DoesNotContain("container t-acme-app", _backend.ResourcesOf("acme"));
        Assert.Empty(_locks.Held);
    }

    [Fact]
    public async Task Provision_InterruptedEarlierOperation_IsMarkedAndResumedCreatingOnlyWhatIsMissing()
    {
        // A provision whose process died after its networks and volume existed: its record, secrets and port were reserved.
        var kept = new TenantSecrets(new Dictionary<string, string> { ["db_password"] = "kept-password-of-the-dead-run-0123456789" });
        var now = _time.GetUtcNow();
        await _registry.SaveAsync(new TenantRecord(
            "acme", "notes", "1.1.0", "small", Backends.BackendKind.Of("memory"), "memory-host", TenantStatus.Provisioning, null, 20007, kept.Seal(_protector, "acme"), null, now, now));
        var dead = _registry.Journal.Seed("acme", "provision", "notes@1.1.0 size=small", steps: [("reserve", JournalStatus.Done), ("create volume", JournalStatus.Running)]);
        _backend.Add("acme", "network t-acme-edge", "network t-acme-internal", "volume t-acme-db-data");

        var result = await ProvisionAsync(new ProvisionRequest("acme"));

        Assert.Contains("resuming: 1 earlier operation(s) on acme were interrupted", _progress);
        Assert.Equal(JournalStatus.Interrupted, _registry.Journal.Operation(dead).Status);
        Assert.Equal(["create container t-acme-db", "run job t-acme-migrate", "create container t-acme-app"], result.Changes.Select(c => $"{c.Kind.ToString().ToLowerInvariant()} {c.Resource} {c.Name}"));
        Assert.Equal(Stamp, _backend.ResourcesOf("acme"));
        Assert.Equal((TenantStatus.Active, 20007), (result.Tenant.Status, result.Tenant.HostPort));
        Assert.Equal("kept-password-of-the-dead-run-0123456789", TenantSecrets.Open(_protector, _registry["acme"].EncryptedSecrets, "acme")["db_password"]);
        Assert.Equal(JournalStatus.Succeeded, _registry.Journal.Operations[^1].Status);
    }

    [Fact]
    public async Task Provision_DryRun_PlansTheStampAndWritesNothing()
    {
        var result = await ProvisionAsync(new ProvisionRequest("acme", DryRun: true));

        Assert.True(result.DryRun);
        Assert.Equal(6, result.Changes.Count);
        Assert.Empty(_registry.Tenants);
        Assert.Empty(_registry.Journal.Operations);
        Assert.Empty(_backend.ResourcesOf("acme"));
        Assert.Empty(_locks.Taken);
    }

    [Fact]
    public async Task Provision_TenantLocked_ThrowsLockedAndChangesNothing()
    {
        using var other = _locks.Acquire("tenant acme", "destroy");

        var e = await Assert.ThrowsAsync<LockHeldException>(() => ProvisionAsync(new ProvisionRequest("acme")));

        Assert.Equal(ExitCodes.Locked, e.ExitCode);
        Assert.Empty(_registry.Journal.Operations);
        Assert.Empty(_backend.Calls);
    }

    /// <summary>Records progress as it is reported (<see cref="Progress{T}"/> would post it later, on another thread).</summary>
    private sealed class SyncProgress(List<string> lines) : IProgress<string>
    {
        public void Report(string value)
        {
            lock (lines)
            {
                lines.Add(value);
            }
        }
    }
}
