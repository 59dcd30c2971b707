using Provisioner.Core.Tenants;
using Provisioner.Core.Upgrades;

namespace Provisioner.Core.Tests.Upgrades;

public sealed class EarlierFailuresTests
{
    private static readonly FleetPlan Plan = new(
        "notes", "1.1.0",
        [new FleetWave(0, [new PlannedUpgrade("a", "1.0.0", "1.1.0")]), new FleetWave(1, [new PlannedUpgrade("b", "1.0.0", "1.1.0"), new PlannedUpgrade("c", "1.0.0", "1.1.0")])],
        [], []);

    private static OperationRecord Upgrade(long id, string tenant, string status, string? error, long fleet, string kind = UpgradeJournalNames.Operation) =>
        new(id, tenant, kind, status, $"notes@1.0.0 -> notes@1.1.0 fleet={fleet}", 1, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddSeconds(20), error, []);

    [Fact]
    public async Task Find_RolledBackOrFailedInTheDeadRun_CountsThemWithTheirWave()
    {
        var journal = new ListedJournal(
            Upgrade(10, "a", JournalStatus.Succeeded, null, fleet: 7),
            Upgrade(11, "b", JournalStatus.RolledBack, "health gate failed: /readyz", fleet: 7),
            Upgrade(12, "c", JournalStatus.Failed, "preflight: not enough disk", fleet: 7));

        var found = await EarlierFailures.FindAsync(journal, Plan, [7], CancellationToken.None);

        Assert.Equal([("b", UpgradeOutcome.RolledBack, 1), ("c", UpgradeOutcome.Failed, 1)], found.Select(r => (r.Tenant, r.Outcome, r.Wave)));
        Assert.Contains("health gate failed: /readyz", found[0].Reason);
        Assert.All(found, r => Assert.True(r.IsFailure));
    }

    [Fact]
    public async Task Find_CancelledOtherRunOrSuperseded_IsNotAnEarlierFailure()
    {
        var journal = new ListedJournal(
            Upgrade(11, "a", JournalStatus.RolledBack, UpgradeJournalNames.Cancelled, fleet: 7),  // Ctrl-C: tried again
            Upgrade(12, "b", JournalStatus.RolledBack, "monitor window", fleet: 3),                 // an older fleet run
            Upgrade(13, "c", JournalStatus.RolledBack, "monitor window", fleet: 7),
            Upgrade(14, "c", JournalStatus.Interrupted, null, fleet: 8));                             // newer: the settler's job

        Assert.Empty(await EarlierFailures.FindAsync(journal, Plan, [7, 8], CancellationToken.None));
    }

    [Fact]
    public async Task Find_LeftNeedingAttentionByTheDeadRun_CountsAsNeedsAttention()
    {
        var plan = Plan with { Excluded = [new ExcludedTenant("d", "1.0.0", "needs attention: rollback failed", Blocking: true) { Status = TenantStatus.NeedsAttention }] };
        var journal = new ListedJournal(Upgrade(15, "d", JournalStatus.Failed, "rollback to notes@1.0.0 failed", fleet: 7));

        var found = Assert.Single(await EarlierFailures.FindAsync(journal, plan, [7], CancellationToken.None));

        Assert.Equal(("d", UpgradeOutcome.NeedsAttention), (found.Tenant, found.Outcome));
    }

    [Fact]
    public async Task Find_AcrossAChainOfResumedRuns_CountsEveryDeadRun()
    {
        var journal = new ListedJournal(Upgrade(11, "a", JournalStatus.RolledBack, "exit at start", fleet: 5));

        Assert.Single(await EarlierFailures.FindAsync(journal, Plan, [9, 5], CancellationToken.None));
    }
}
