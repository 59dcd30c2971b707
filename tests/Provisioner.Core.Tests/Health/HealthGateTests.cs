using Provisioner.Core.Health;
using Provisioner.Core.Templates;

namespace Provisioner.Core.Tests.Health;

public class HealthGateTests
{
    private static readonly HealthCheckSpec[] Checks =
    [
        new HttpCheckSpec("app", "GET", "/readyz", 200, null, null, null),
        new JourneyCheckSpec("app", "notes-roundtrip"),
    ];

    private static readonly HealthGateOptions Fast = new() { Delay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(2), Deadline = TimeSpan.FromSeconds(30) };

    private static readonly ProbeTarget Target = new("acme", TestTemplates.ParseNotes(), new Uri("http://127.0.0.1:1"), null!);

    [Fact]
    public async Task WaitHealthy_PassesOnThirdAttempt_ReportsAttempts()
    {
        var probe = new FakeProbe((name, n) => !name.Contains("http") || n >= 3);

        var report = await new HealthGate([probe], TimeProvider.System, Fast).WaitHealthyAsync(Target, Checks, CancellationToken.None);

        Assert.True(report.Passed);
        Assert.Equal(3, report.Attempts);
        Assert.All(report.Checks, c => Assert.Equal("passed", c.Status));
    }

    [Fact]
    public async Task WaitHealthy_FirstCheckFails_LaterChecksNotRun()
    {
        var probe = new FakeProbe((name, n) => !name.Contains("http") || n >= 2);

        await new HealthGate([probe], TimeProvider.System, Fast).WaitHealthyAsync(Target, Checks, CancellationToken.None);

        Assert.Equal(1, probe.Calls["app:journey notes-roundtrip"]);
    }

    [Fact]
    public async Task WaitHealthy_NeverPasses_FailsAtDeadlineWithLastOutput()
    {
        var options = Fast with { Deadline = TimeSpan.FromSeconds(1) };
        var probe = new FakeProbe((name, _) => !name.Contains("journey"));

        var report = await new HealthGate([probe], TimeProvider.System, options).WaitHealthyAsync(Target, Checks, CancellationToken.None);

        Assert.False(report.Passed);
        Assert.Equal("app:journey notes-roundtrip", report.FailingCheck?.Name);
        Assert.Contains("app:journey notes-roundtrip: attempt", report.Failure);
        Assert.Contains("(still failing after 1 s)", report.Failure);
        Assert.StartsWith("attempt", report.FailingCheck!.Output);
    }

    [Fact]
    public async Task WaitHealthy_AllAtOnceFirst_PassingRunsEachCheckOnce()
    {
        var probe = new FakeProbe((_, _) => true);

        var report = await new HealthGate([probe], TimeProvider.System, Fast).WaitHealthyAsync(Target, Checks, CancellationToken.None, allAtOnceFirst: true);

        Assert.True(report.Passed);
        Assert.Equal(1, report.Attempts);
        Assert.All(Checks, c => Assert.Equal(1, probe.Calls[c.Name]));
    }

    [Fact]
    public async Task WaitHealthy_AllAtOnceFirstFails_OrderedAttemptsFollow()
    {
        var probe = new FakeProbe((name, n) => !name.Contains("http") || n >= 2);

        var report = await new HealthGate([probe], TimeProvider.System, Fast).WaitHealthyAsync(Target, Checks, CancellationToken.None, allAtOnceFirst: true);

        Assert.True(report.Passed);
        Assert.Equal(2, report.Attempts);
        Assert.Equal(2, probe.Calls[Checks[0].Name]);
    }

    [Fact]
    public async Task CheckOnce_RunsEveryCheckEvenAfterAFailure()
    {
        var probe = new FakeProbe((name, _) => !name.Contains("http"));

        var report = await new HealthGate([probe], TimeProvider.System, Fast).CheckOnceAsync(Target, Checks, CancellationToken.None);

        Assert.False(report.Passed);
        Assert.Equal(["failed", "passed"], report.Checks.Select(c => c.Status));
    }

    [Fact]
    public async Task CheckOnce_AFailureIsConfirmedBySecondRun()
    {
        var probe = new FakeProbe((name, _) => !name.Contains("http"));

        var report = await new HealthGate([probe], TimeProvider.System, Fast).CheckOnceAsync(Target, Checks, CancellationToken.None);

        Assert.Equal(2, probe.Calls[Checks[0].Name]);
        Assert.Equal(1, probe.Calls["app:journey notes-roundtrip"]);
        Assert.Equal("attempt 2 failed (failed twice)", report.Checks[0].Output);
    }

    [Fact]
    public async Task CheckOnce_TheSecondRunHasTwiceTheTime()
    {
        var options = Fast with { ProbeTimeout = TimeSpan.FromSeconds(1) };
        var hangs = new HangingProbe();

        var report = await new HealthGate([hangs], TimeProvider.System, options).CheckOnceAsync(Target, [Checks[0]], CancellationToken.None);

        Assert.Equal(2, hangs.Calls);
        Assert.Equal("timed out after 2 s (failed twice)", report.Checks[0].Output);
    }

    [Fact]
    public async Task CheckOnce_PassesOnSecondRun_ReportedPassedWithTheFirstFailure()
    {
        var probe = new FakeProbe((name, n) => !name.Contains("http") || n >= 2);

        var report = await new HealthGate([probe], TimeProvider.System, Fast).CheckOnceAsync(Target, Checks, CancellationToken.None);

        Assert.True(report.Passed);
        Assert.Equal("ok (passed on the second try; first: attempt 1 failed)", report.Checks[0].Output);
    }

    [Fact]
    public void Options_Invalid_AreRejectedAllAtOnce()
    {
        var e = Assert.Throws<Core.Errors.BadInputException>(() => new HealthGateOptions { Deadline = TimeSpan.Zero, ProbeTimeout = TimeSpan.Zero }.Validate());

        Assert.Contains("deadline", e.Message);
        Assert.Contains("probeTimeout", e.Message);
    }
}
