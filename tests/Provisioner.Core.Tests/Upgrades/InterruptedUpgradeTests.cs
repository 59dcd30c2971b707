using Provisioner.Core.Tenants;
using Provisioner.Core.Upgrades;

namespace Provisioner.Core.Tests.Upgrades;

public sealed class InterruptedUpgradeTests
{
    private static OperationRecord Op(long id, string status, params OperationStep[] steps) =>
        new(id, "acme", "upgrade", status, "notes@1.0.0 -> notes@1.1.0 fleet=7", 1, DateTimeOffset.UnixEpoch, null, null, steps);

    private static OperationStep Step(string name, string status, string detail) => new(1, 1, name, status, detail, DateTimeOffset.UnixEpoch, null);

    [Fact]
    public void Find_InterruptedAfterBackup_ReturnsBackupPath()
    {
        var found = InterruptedUpgrade.Find([Op(3, JournalStatus.Interrupted, Step("backup", "done", "/h/my backups/acme/upgrade-3.sql"))]);

        Assert.NotNull(found);
        Assert.Equal(("notes@1.0.0", "notes@1.1.0", "/h/my backups/acme/upgrade-3.sql", false, false), (found.From, found.To, found.Backup, found.HealthPassed, found.RollbackStarted));
    }

    [Fact]
    public void Find_InterruptedDuringBackup_HasNoBackup()
    {
        var found = InterruptedUpgrade.Find([Op(3, JournalStatus.Interrupted, Step("backup", "running", "/h/x.sql"))]);

        Assert.Null(found!.Backup);
        Assert.Equal("/h/x.sql", found.BackupPath);  // where the dead dump's .partial files are
    }

    [Fact]
    public void Find_OnlyFinishedOperations_ReturnsNull() =>
        Assert.Null(InterruptedUpgrade.Find([Op(3, JournalStatus.Succeeded), Op(4, JournalStatus.RolledBack)]));

    [Fact]
    public void Find_RollbackStep_IsReported()
    {
        var found = InterruptedUpgrade.Find([Op(5, JournalStatus.Interrupted, Step("backup", "done", "/b.sql"), Step("rollback", "running", "restore"))]);

        Assert.True(found!.RollbackStarted);
    }

    [Fact]
    public void Find_HealthGateDone_IsReportedSoTheUpgradeFinishesForward()
    {
        var found = InterruptedUpgrade.Find([Op(6, JournalStatus.Interrupted, Step("backup", "done", "/b.sql"), Step("health", "done", "health gate"))]);

        Assert.True(found!.HealthPassed);
    }
}
