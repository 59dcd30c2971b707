using Provisioner.Core.Checks;
using Provisioner.Core.Health;

namespace Provisioner.Registry.Tests.Contract;

/// <summary>Check results (<c>provision check</c>): what every registry store must do (run against SQLite and PostgreSQL).</summary>
public abstract class CheckHistoryContract : StoreContract
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    private static TenantCheck Result(string tenant, int minute, string state = TenantCheckState.Up) =>
        new(tenant, "notes", "1.1.0", "small", "docker", T0.AddMinutes(minute), state,
            [
                new CheckOutcome("db:sql select 1", CheckStatus.Passed, "1", TimeSpan.FromMilliseconds(12.5)),
                new CheckOutcome("app:journey notes-roundtrip", state == TenantCheckState.Up ? CheckStatus.Passed : CheckStatus.Failed, "step 2 \"get\": expected 200, got 500\nbody", TimeSpan.FromMilliseconds(340.25)),
            ],
            state == TenantCheckState.Up ? null : "app:journey notes-roundtrip: step 2");

    [Fact]
    public async Task Append_Recent_RoundTripsNewestFirst()
    {
        var checks = Store.Open().Checks;

        await checks.AppendAsync(Result("acme", 0), 100, default);
        await checks.AppendAsync(Result("acme", 1, TenantCheckState.Down), 100, default);
        await checks.AppendAsync(Result("other", 2), 100, default);

        var recent = await checks.RecentAsync("acme", 10, default);
        Assert.Equal([T0.AddMinutes(1), T0], recent.Select(r => r.At));
        var down = recent[0];
        Assert.Equal(Result("acme", 1, TenantCheckState.Down) with { Checks = down.Checks }, down);
        Assert.Equal(Result("acme", 1, TenantCheckState.Down).Checks, down.Checks);
        Assert.Null(recent[1].Reason);
        Assert.Empty(await checks.RecentAsync("nobody", 10, default));
    }

    [Fact]
    public async Task Append_BeyondKeep_OldestOfThatTenantPruned_OthersUntouched()
    {
        var checks = Store.Open().Checks;
        await checks.AppendAsync(Result("other", 0), 3, default);

        for (var i = 1; i <= 5; i++)
        {
            await checks.AppendAsync(Result("acme", i), 3, default);
        }

        Assert.Equal([5, 4, 3], (await checks.RecentAsync("acme", 100, default)).Select(r => (int)(r.At - T0).TotalMinutes));
        Assert.Single(await checks.RecentAsync("other", 100, default));
        Assert.Equal(2, (await checks.RecentAsync("acme", 2, default)).Count);
    }

    [Fact]
    public async Task Append_LongOutput_CutTo500Characters()
    {
        var checks = Store.Open().Checks;
        var result = Result("acme", 0) with { Checks = [new CheckOutcome("app:http /", CheckStatus.Failed, new string('x', 2000), TimeSpan.FromSeconds(1))] };

        await checks.AppendAsync(result, 100, default);

        Assert.Equal(500, (await checks.RecentAsync("acme", 1, default))[0].Checks[0].Output.Length);
    }
}
