using Provisioner.Core.Health;
using Provisioner.Core.Tests.Health;
using Provisioner.Core.Upgrades;

namespace Provisioner.Core.Tests.Upgrades;

public sealed class MonitorWindowTests
{
    private static readonly DateTimeOffset Started = DateTimeOffset.UnixEpoch;

    private static readonly UpgradeSettings Short = new()
    {
        BackupRoot = "/unused", MonitorWindow = TimeSpan.FromMilliseconds(300), MonitorInterval = TimeSpan.FromMilliseconds(50),
    };

    /// <summary>For failures: a window far longer than the scripted failure needs, so a slow machine still reaches it (it returns at once).</summary>
    private static readonly UpgradeSettings Long = Short with { MonitorWindow = TimeSpan.FromMinutes(1) };

    private static Task<(string Reason, string? Check)?> Watch(FakeObservedBackend backend, FakeProbe probe, UpgradeSettings? settings = null)
    {
        var gate = new HealthGate([probe], TimeProvider.System, new HealthGateOptions());
        var target = new ProbeTarget("acme", new Uri("http://127.0.0.1:1"), backend);
        return new MonitorWindow(gate, TimeProvider.System).WatchAsync(target, TestTemplates.ParseNotes(), settings ?? Short, CancellationToken.None);
    }

    [Fact]
    public async Task Watch_StaysRunningAndHealthy_ReturnsNull()
    {
        var probe = new FakeProbe((_, _) => true);

        Assert.Null(await Watch(new FakeObservedBackend(_ => FakeObservedBackend.App("running", Started)), probe));
        Assert.DoesNotContain(probe.Calls.Keys, k => k.Contains("journey", StringComparison.Ordinal)); // a journey writes data
    }

    [Fact]
    public async Task Watch_AppRestartsButLooksHealthy_FailsNamingTheRestart()
    {
        var backend = new FakeObservedBackend(call => FakeObservedBackend.App("running", call < 3 ? Started : Started.AddSeconds(4)));

        var failure = await Watch(backend, new FakeProbe((_, _) => true), Long);

        Assert.Contains("restarted", failure!.Value.Reason);
    }

    [Fact]
    public async Task Watch_AppStops_FailsWithItsState()
    {
        var backend = new FakeObservedBackend(call => call < 2 ? FakeObservedBackend.App("running", Started) : FakeObservedBackend.App("exited", null));

        var failure = await Watch(backend, new FakeProbe((_, _) => true), Long);

        Assert.Contains("stopped", failure!.Value.Reason);
    }

    [Fact]
    public async Task Watch_CheckFailsLater_NamesTheCheck()
    {
        var probe = new FakeProbe((name, n) => !(name == "app:http /readyz" && n >= 2));

        var failure = await Watch(new FakeObservedBackend(_ => FakeObservedBackend.App("running", Started)), probe, Long);

        Assert.Equal("app:http /readyz", failure!.Value.Check);
    }

    [Fact]
    public async Task Watch_ZeroWindow_DoesNotLook()
    {
        var probe = new FakeProbe((_, _) => false);

        Assert.Null(await Watch(new FakeObservedBackend(_ => null), probe, Short with { MonitorWindow = TimeSpan.Zero }));
        Assert.Empty(probe.Calls);
    }
}
