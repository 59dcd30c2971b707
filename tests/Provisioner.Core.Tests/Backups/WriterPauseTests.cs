using Microsoft.Extensions.Time.Testing;
using Provisioner.Core.Backends;
using Provisioner.Core.Backups;
using Provisioner.Core.Data;
using Provisioner.Core.Edge;
using Provisioner.Core.Errors;
using Provisioner.Core.Health;
using Provisioner.Core.Provisioning;
using Provisioner.Core.Tenants;
using Provisioner.Core.Tests.Fakes;
using Provisioner.Core.Tests.Health;

namespace Provisioner.Core.Tests.Backups;

/// <summary>
/// A pause stops only what it can start again: a tenant behind the edge, with the edge off for this run, would be started
/// with a stamp that has no address (its entry given a port on internal networks); it is refused before anything stops.
/// </summary>
public sealed class WriterPauseTests
{
    private static readonly ProvisionerOptions Off = new();
    private static readonly ProvisionerOptions On = new() { Edge = new EdgeOptions { Domain = "localhost", CaFile = "/tmp/ca.crt" } };
    private readonly FakeTimeProvider _time = new();
    private readonly InMemoryBackend _backend = new();

    private static TenantRecord Tenant(int? port) => new(
        "acme", "notes", "1.1.0", "small", BackendKind.Of("docker"), "local", TenantStatus.Active, null, port, [], null, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);

    [Fact]
    public async Task Stop_TenantBehindTheEdge_EdgeOff_Refused_NothingStopped()
    {
        var error = await Assert.ThrowsAsync<BadInputException>(() => Pause(Off).StopAsync(Tenant(null), TestTemplates.ParseNotes(), ["app"], null, CancellationToken.None));

        Assert.Contains("tenant acme is behind the edge proxy", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_backend.Calls, c => c.StartsWith("stop ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData(20000, false)]
    public async Task Stop_TenantTheRunCanStartAgain_Stops(int? port, bool edgeOn)
    {
        var pause = Pause(edgeOn ? On : Off);

        await pause.StopAsync(Tenant(port), TestTemplates.ParseNotes(), ["app"], null, CancellationToken.None);

        Assert.Contains("stop acme app", _backend.Calls);
        Assert.Equal(["app"], pause.Stopped);
    }

    private WriterPause Pause(ProvisionerOptions options)
    {
        var registry = new InMemoryRegistry(_time);
        var health = new HealthGate([new FakeProbe((_, _) => true)], _time, new HealthGateOptions());
        return new WriterPause(
            _backend, new TenantData(new DataAdapters([]), _backend, _time), new StampApplier(_backend, registry.Journal, health, 10), health,
            new PrefixProtector(), options, _time);
    }
}
