using Provisioner.Core.Tenants;

namespace Provisioner.Core.Upgrades;

/// <summary>
/// What the journal says about an upgrade whose process died: from, to, its verified backup (if it got that far), and
/// whether the new version had already passed its health gate.
/// </summary>
public sealed record InterruptedUpgrade(long Operation, string From, string To, string? Backup, bool HealthPassed, bool RollbackStarted)
{
    /// <summary>Where its backup was being written, finished or not (a dead dump leaves <c>.partial</c> files there).</summary>
    public string? BackupPath { get; init; }

    /// <summary>The newest unfinished upgrade of the tenant, or null when the journal has none.</summary>
    public static InterruptedUpgrade? Find(IReadOnlyList<OperationRecord> operations)
    {
        var op = operations
            .Where(o => o.Kind == UpgradeJournalNames.Operation && o.Status is JournalStatus.Interrupted or JournalStatus.Running)
            .MaxBy(o => o.Id);
        return op is null ? null : Read(op);
    }

    /// <summary>Reads one upgrade operation (detail <c>crm@1.0.0 -&gt; crm@1.1.0 ...</c>, step details as written).</summary>
    public static InterruptedUpgrade Read(OperationRecord op)
    {
        var arrow = op.Detail.Split(UpgradeJournalNames.Arrow);
        var from = arrow[0].Trim();
        var to = arrow.Length > 1 ? arrow[1].Split(' ')[0].Trim() : from;
        var backup = op.Steps.FirstOrDefault(s => s.Name == UpgradeJournalNames.BackupStep && s.Status == JournalStatus.Done)?.Detail;
        var health = op.Steps.Any(s => s.Name == UpgradeJournalNames.HealthStep && s.Status == JournalStatus.Done);
        var rollback = op.Steps.Any(s => s.Name == UpgradeJournalNames.RollbackStep);
        var path = op.Steps.FirstOrDefault(s => s.Name == UpgradeJournalNames.BackupStep)?.Detail;
        return new InterruptedUpgrade(op.Id, from, to, backup, health, rollback) { BackupPath = path };
    }
}
