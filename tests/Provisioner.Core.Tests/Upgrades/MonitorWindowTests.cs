using Microsoft.Extensions.Time.Testing;
using Provisioner.Core.Backends;
using Provisioner.Core.Health;
using Provisioner.Core.Secrets;
using Provisioner.Core.Stamps;
using Provisioner.Core.Tests.Fakes;
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
        var target = new ProbeTarget("acme", TestTemplates.ParseNotes(), new Uri("http://127.0.0.1:1"), backend);
        return new MonitorWindow(gate, TimeProvider.System).WatchAsync(target, TestTemplates.ParseNotes(), settings ?? Short, CancellationToken.None);
    }

    [Fact]
    public async Task Watch_StaysRunningAndHealthy_ReturnsNull()
    {
        var probe = new FakeProbe((_, _) => true);

        Assert.Null(await Watch(new FakeObservedBackend(_ => FakeObservedBackend.App(ComponentState.Running, Started)), probe));
        Assert.DoesNotContain(probe.Calls.Keys, k => k.Contains("journey", StringComparison.Ordinal)); // a journey writes data
    }

    [Fact]
    public async Task Watch_AppRestartsButLooksHealthy_FailsNamingTheRestart()
    {
        var backend = new FakeObservedBackend(call => FakeObservedBackend.App(ComponentState.Running, call < 3 ? Started : Started.AddSeconds(4)));

        var failure = await Watch(backend, new FakeProbe((_, _) => true), Long);

        Assert.Contains("restarted", failure!.Value.Reason);
    }

    [Fact]
    public async Task Watch_AppStops_FailsWithItsState()
    {
        var backend = new FakeObservedBackend(call => call < 2 ? FakeObservedBackend.App(ComponentState.Running, Started) : FakeObservedBackend.App(ComponentState.Exited, null));

        var failure = await Watch(backend, new FakeProbe((_, _) => true), Long);

        Assert.Contains("stopped", failure!.Value.Reason);
    }

    [Fact]
    public async Task Watch_CheckFailsLater_NamesTheCheck()
    {
        var probe = new FakeProbe((name, n) => !(name == "app:http /readyz" && n >= 2));

        var failure = await Watch(new FakeObservedBackend(_ => FakeObservedBackend.App(ComponentState.Running, Started)), probe, Long);

        Assert.Equal("app:http /readyz", failure!.Value.Check);
    }

    [Fact]
    public async Task Watch_WorkerRestartsWhileTheEntryStaysUp_FailsNamingTheWorker()
    {
        // The tracker: db, queue, web (the entry) and a worker, all running; the worker crashes and is restarted between two looks.
        var time = new FakeTimeProvider(Started);
        var tracker = TestTemplates.ParseTracker();
        var backend = new InMemoryBackend();
        var stamp = StampBuilder.Build(tracker, "acme", "small", 20000);
        await backend.ApplyAsync(stamp, TenantSecrets.Empty, new ApplyContext((_, _) => Task.CompletedTask, _ => Task.CompletedTask, _ => Task.CompletedTask), CancellationToken.None);
        backend.RestartOnObservation("acme", "worker", observation: 3);
        var probe = new FakeProbe((_, _) => true);
        var gate = new HealthGate([probe], time, new HealthGateOptions());
        var settings = Short with { MonitorWindow = TimeSpan.FromSeconds(30), MonitorInterval = TimeSpan.FromSeconds(1) };

        var failure = await time.RunAsync(
            () => new MonitorWindow(gate, time).WatchAsync(new ProbeTarget("acme", tracker, stamp.Endpoint, backend), tracker, settings, CancellationToken.None),
            TimeSpan.FromSeconds(1));

        Assert.NotNull(failure);
        Assert.Equal("worker restarted 2.0 s into the monitor window (it crashed after passing the health gate)", failure.Value.Reason);
        Assert.Equal("worker:running", failure.Value.Check);
        Assert.Equal(["db tracker@2.0.0 running", "queue tracker@2.0.0 running", "web tracker@2.0.0 running", "worker tracker@2.0.0 running"], backend.ContainersOf("acme"));
    }

    [Fact]
    public async Task Watch_ZeroWindow_DoesNotLook()
    {
        var probe = new FakeProbe((_, _) => false);

        Assert.Null(await Watch(new FakeObservedBackend(_ => null), probe, Short with { MonitorWindow = TimeSpan.Zero }));
        Assert.Empty(probe.Calls);
    }
}
