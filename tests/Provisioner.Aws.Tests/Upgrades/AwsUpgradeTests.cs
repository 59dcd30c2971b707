using Provisioner.Aws.Tests.Support;
using Provisioner.Core.Tenants;
using Provisioner.Core.Upgrades;

namespace Provisioner.Aws.Tests.Upgrades;

/// <summary><c>provision upgrade</c> of an AWS tenant: the same program rolled to the new image, its migration first.</summary>
public sealed class AwsUpgradeTests
{
    private const string FailedMigration = """{"tasks":[{"stoppedReason":"Essential container in task exited","containers":[{"name":"app","exitCode":1}]}]}""";

    [Fact]
    public async Task Upgrade_Healthy_MigratesThenRollsService_RecordsNewVersion()
    {
        var runner = AwsFakes.Runner()
            .On("stack output", stdout: AwsFakes.OutputsRunning(AwsUpgradeHarness.OldImage), once: true)
            .On("stack output", stdout: AwsFakes.OutputsRunning(AwsUpgradeHarness.NewImage));
        using var h = new AwsUpgradeHarness(runner, _ => true);

        var result = await h.UpgradeAsync();

        Assert.Equal(UpgradeOutcome.Upgraded, result.Outcome);
        var record = await h.Registry.GetAsync("acme");
        Assert.Equal(("1.1.0", TenantStatus.Active), (record!.Version, record.Status));
        var programs = runner.Programs.ToList();
        var migration = programs.FindIndex(p => p.StartsWith("aws ecs run-task", StringComparison.Ordinal));
        Assert.True(migration > 0, string.Join('\n', programs));
        Assert.Contains(programs.Take(migration), p => p.StartsWith("pulumi up", StringComparison.Ordinal));  // phase 1: old image kept
        Assert.Contains(programs.Skip(migration), p => p.StartsWith("pulumi up", StringComparison.Ordinal));  // phase 2: the service rolls
        Assert.Equal(AwsUpgradeHarness.NewImage, h.ConfiguredImage);
        var snapshot = programs.FindIndex(p => p.StartsWith("aws rds create-db-snapshot --db-instance-identifier t-acme-db --db-snapshot-identifier t-acme-pre-1-1-0-", StringComparison.Ordinal));
        Assert.InRange(snapshot, 0, migration - 1);  // the data as it was, before the migration changes it
        Assert.StartsWith("aws rds wait db-snapshot-available", programs[snapshot + 1]);
        var op = (await h.Registry.Journal.ListAsync("acme", 5)).First(o => o.Kind == UpgradeJournalNames.Operation);
        Assert.Equal((JournalStatus.Succeeded, "notes@1.0.0 -> notes@1.1.0"), (op.Status, op.Detail));
        Assert.Contains(op.Steps, s => s.Name == UpgradeJournalNames.HealthStep);
    }

    [Fact]
    public async Task Upgrade_NewVersionUnhealthy_PreviousImageAppliedAgain_RolledBackSayingTheDatabaseWasNotRestored()
    {
        var runner = AwsFakes.Runner()
            .On("stack output", stdout: AwsFakes.OutputsRunning(AwsUpgradeHarness.OldImage), once: true)
            .On("stack output", stdout: AwsFakes.OutputsRunning(AwsUpgradeHarness.NewImage));
        using var h = new AwsUpgradeHarness(runner, self => self.ConfiguredImage == AwsUpgradeHarness.OldImage);

        var result = await h.UpgradeAsync();

        Assert.Equal(UpgradeOutcome.RolledBack, result.Outcome);
        Assert.StartsWith("health gate failed", result.Reason);
        Assert.Equal(AwsUpgradeHarness.OldImage, h.ConfiguredImage);
        var record = await h.Registry.GetAsync("acme");
        Assert.Equal(("1.0.0", TenantStatus.RolledBack), (record!.Version, record.Status));
        Assert.Contains("the database was not restored", record.LastError);
        Assert.Matches("snapshot t-acme-pre-1-1-0-[0-9]{8}t[0-9]{6} holds the data from before it", record.LastError);
        Assert.Equal(JournalStatus.RolledBack, (await h.Registry.Journal.ListAsync("acme", 5)).First(o => o.Kind == UpgradeJournalNames.Operation).Status);
        Assert.Equal(1, runner.Programs.Count(p => p.StartsWith("aws ecs run-task", StringComparison.Ordinal)));  // 1.1.0's only: going back runs no migration
        Assert.Equal(1, runner.Programs.Count(p => p.StartsWith("aws rds create-db-snapshot", StringComparison.Ordinal)));
        Assert.False(result.DatabaseRestored);  // the fleet says "ROLLED BACK ... (database NOT restored)"
    }

    [Fact]
    public async Task Upgrade_MigrationFails_ServiceNeverRolled_RolledBackWithTheMigrationAsTheFailingCheck()
    {
        var runner = AwsFakes.Runner()
            .On("ecs describe-tasks", stdout: FailedMigration, once: true)
            .On("stack output", stdout: AwsFakes.OutputsRunning(AwsUpgradeHarness.OldImage));
        using var h = new AwsUpgradeHarness(runner, _ => true);

        var result = await h.UpgradeAsync();

        Assert.Equal(UpgradeOutcome.RolledBack, result.Outcome);
        Assert.Equal("migration job", result.FailingCheck);
        Assert.StartsWith("job migrate of notes@1.1.0 failed on AWS", result.Reason);
        Assert.Contains("schema 1 -> 2", result.LogTail);
        Assert.DoesNotContain(runner.DeployedPrograms, p => Deployed.ServiceImage(p, "app") == AwsUpgradeHarness.NewImage);  // the service was never told to run the new image
        Assert.Equal("1.0.0", (await h.Registry.GetAsync("acme"))!.Version);
    }

    [Fact]
    public async Task Upgrade_PreviousVersionNotHealthyEither_NeedsAttentionNamingSnapshotAndResume()
    {
        // As after a schema-changing migration: 1.0.0 cannot become ready on the migrated database.
        var runner = AwsFakes.Runner()
            .On("stack output", stdout: AwsFakes.OutputsRunning(AwsUpgradeHarness.OldImage), once: true)
            .On("stack output", stdout: AwsFakes.OutputsRunning(AwsUpgradeHarness.NewImage));
        using var h = new AwsUpgradeHarness(runner, _ => false);

        var result = await h.UpgradeAsync();

        Assert.Equal(UpgradeOutcome.NeedsAttention, result.Outcome);
        var record = await h.Registry.GetAsync("acme");
        Assert.Equal(TenantStatus.NeedsAttention, record!.Status);
        Assert.Matches("restore snapshot t-acme-pre-1-1-0-[0-9t]+ \\(taken before it\\)", record.LastError);
        Assert.Contains("provision upgrade acme --resume", record.LastError);
        Assert.Equal(1, runner.Programs.Count(p => p.StartsWith("aws ecs run-task", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Upgrade_SnapshotFails_NoMigrationRunsAndNoSnapshotIsNamed()
    {
        var runner = AwsFakes.Runner()
            .On("rds create-db-snapshot", 254, stderr: "An error occurred (SnapshotQuotaExceeded)")
            .On("stack output", stdout: AwsFakes.OutputsRunning(AwsUpgradeHarness.OldImage));
        using var h = new AwsUpgradeHarness(runner, _ => true);

        var result = await h.UpgradeAsync();

        Assert.Equal(UpgradeOutcome.RolledBack, result.Outcome);
        Assert.Contains("SnapshotQuotaExceeded", result.Reason);
        Assert.DoesNotContain(runner.Programs, p => p.StartsWith("aws ecs run-task", StringComparison.Ordinal));
        Assert.DoesNotContain("snapshot t-", (await h.Registry.GetAsync("acme"))!.LastError);
    }

    [Fact]
    public async Task Recover_TenantLeftUpgrading_AppliesTheRecordedVersionAgain()
    {
        var runner = AwsFakes.Runner().On("stack output", stdout: AwsFakes.OutputsRunning(AwsUpgradeHarness.NewImage));
        using var h = new AwsUpgradeHarness(runner, _ => true);
        var stuck = (await h.Registry.GetAsync("acme"))! with { Status = TenantStatus.Upgrading };
        await h.Registry.SaveAsync(stuck);

        var settled = await h.Upgrader.RecoverAsync("acme", retryNeedsAttention: false, null, CancellationToken.None);

        Assert.Equal(("1.0.0", TenantStatus.RolledBack), (settled.Version, settled.Status));
        Assert.Contains("the database was not restored", settled.LastError);
        Assert.Equal(AwsUpgradeHarness.OldImage, h.ConfiguredImage);
        Assert.DoesNotContain(runner.Programs, p => p.StartsWith("aws ecs run-task", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Recover_PreviousVersionNotHealthy_NeedsAttentionNotAnException()
    {
        var runner = AwsFakes.Runner().On("stack output", stdout: AwsFakes.OutputsRunning(AwsUpgradeHarness.NewImage));
        using var h = new AwsUpgradeHarness(runner, _ => false);
        await h.Registry.SaveAsync((await h.Registry.GetAsync("acme"))! with { Status = TenantStatus.Upgrading });

        var settled = await h.Upgrader.RecoverAsync("acme", retryNeedsAttention: false, null, CancellationToken.None);

        Assert.Equal(TenantStatus.NeedsAttention, settled.Status);
        Assert.Equal(TenantStatus.NeedsAttention, (await h.Registry.GetAsync("acme"))!.Status);
    }
}
