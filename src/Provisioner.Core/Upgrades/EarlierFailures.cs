using Provisioner.Core.Tenants;

namespace Provisioner.Core.Upgrades;

/// <summary>
/// On resume: the planned tenants whose upgrade the dead run already tried and lost (rolled back, or failed before anything
/// changed; a Ctrl-C is not a loss). They count against <c>--max-failures</c> as they did in the dead run, and are not tried again by the resumed one.
/// <paramref name="deadOperations"/> are the fleet operations being continued: the newest, and the runs it resumed in turn.
/// </summary>
public static class EarlierFailures
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
                // Only the tenant's newest upgrade decides: a later one (by hand, say) supersedes the dead run's.
                var last = (await journal.ListAsync(t.Tenant, 20, ct)).FirstOrDefault(o => o.Kind == UpgradeJournalNames.Operation);
                if (last is null || !tags.Any(tag => last.Detail.EndsWith(tag, StringComparison.Ordinal))
                    || last.Status is not (JournalStatus.RolledBack or JournalStatus.Failed) || last.Error == UpgradeJournalNames.Cancelled)
                {
                    continue;
                }

                var outcome = last.Status == JournalStatus.RolledBack ? UpgradeOutcome.RolledBack : UpgradeOutcome.Failed;
                var reason = $"in the interrupted run (operation {last.Id}): {last.Error ?? last.Status}; not retried on resume";
                var duration = last.FinishedAt is { } end ? end - last.StartedAt : TimeSpan.Zero;
                found.Add(new TenantUpgradeResult(t.Tenant, t.From, t.To, outcome, reason, null, null, null, duration) { Wave = wave.Number });
            }
        }

        return found;
    }
}
