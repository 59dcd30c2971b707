using Provisioner.Core.Tenants;

namespace Provisioner.Core.Upgrades;

/// <summary>
/// On resume: the planned tenants whose upgrade the dead run already tried and lost (rolled back, or failed before anything
/// changed; a Ctrl-C is not a loss). They count against <c>--max-failures</c> as they did in the dead run, and are not tried again by the resumed one.
/// <paramref name="deadOperations"/> are the fleet operations being continued: the newest, and the runs it resumed in turn.
/// </summary>
internal static class EarlierFailures
{
    public static async Task<IReadOnlyList<TenantUpgradeResult>> FindAsync(
        IOperationJournal journal, FleetPlan plan, IReadOnlyCollection<long> deadOperations, CancellationToken ct)
    {
        var tags = deadOperations.Select(o => $" fleet={o}").ToList();
        var found = new List<TenantUpgradeResult>();
        foreach (var wave in plan.Waves)
        {
            foreach (var t in wave.Tenants)
            {
                if (await LostAsync(journal, t.Tenant, tags, ct) is { } last)
                {
                    var outcome = last.Status == JournalStatus.RolledBack ? UpgradeOutcome.RolledBack : UpgradeOutcome.Failed;
                    found.Add(Result(t.Tenant, t.From, plan.To, outcome, last) with { Wave = wave.Number });
                }
            }
        }

        // Left out of the plan because the dead run broke them (a failed rollback: NeedsAttention; a failed restart: Failed).
        // They are not retried either way, but they count, and a NeedsAttention one halts the resumed run as it would have.
        foreach (var x in plan.Excluded.Where(x => x.Blocking))
        {
            if (await LostAsync(journal, x.Tenant, tags, ct) is { } last)
            {
                var outcome = x.Status == TenantStatus.NeedsAttention ? UpgradeOutcome.NeedsAttention : UpgradeOutcome.Failed;
                found.Add(Result(x.Tenant, x.Version, plan.To, outcome, last));
            }
        }

        return found;
    }

    /// <summary>The tenant's newest upgrade when the dead runs lost it; only the newest decides (a later one supersedes).</summary>
    private static async Task<OperationRecord?> LostAsync(IOperationJournal journal, string tenant, IReadOnlyList<string> tags, CancellationToken ct)
    {
        var last = (await journal.ListAsync(tenant, 20, ct)).FirstOrDefault(o => o.Kind == UpgradeJournalNames.Operation);
        return last is not null && tags.Any(tag => last.Detail.EndsWith(tag, StringComparison.Ordinal))
            && (last.Status is JournalStatus.RolledBack or JournalStatus.Failed) && last.Error != UpgradeJournalNames.Cancelled
            ? last
            : null;
    }

    private static TenantUpgradeResult Result(string tenant, string from, string to, string outcome, OperationRecord last) =>
        new(tenant, from, to, outcome, $"in the interrupted run (operation {last.Id}): {last.Error ?? last.Status}; not retried on resume", null, null, null,
            last.FinishedAt is { } end ? end - last.StartedAt : TimeSpan.Zero);
}
