using Microsoft.Extensions.Logging.Abstractions;
using Provisioner.Aws.Tests.Fakes;
using Provisioner.Aws.Tests.Support;
using Provisioner.Core.Health;
using Provisioner.Core.Provisioning;
using Provisioner.Core.Templates;
using Provisioner.Core.Tenants;
using Provisioner.Core.Upgrades;
using Provisioner.Registry;

namespace Provisioner.Aws.Tests.Upgrades;

/// <summary>
/// An AWS tenant on notes@1.0.0 in a real SQLite registry (temporary home), upgraded through <see cref="RolloutUpgrader"/>
/// over the AWS backend with a recording pulumi/aws runner and a scripted health probe. Deleted on dispose.
/// </summary>
internal sealed class AwsUpgradeHarness : IDisposable
{
    public const string OldImage = "111.dkr.ecr.eu-west-1.amazonaws.com/notes-app:1.0.0";
    public const string NewImage = "111.dkr.ecr.eu-west-1.amazonaws.com/notes-app:1.1.0";

    private readonly string _home = Directory.CreateTempSubdirectory("aws-upgrade-").FullName;

    public AwsUpgradeHarness(RecordingProcessRunner runner, Func<AwsUpgradeHarness, bool> healthy)
    {
        Runner = runner;
        Registry = RegistryFactory.CreateSqlite(_home);
        var protector = RegistryFactory.CreateProtector(_home);
        Probe = new ScriptedProbe(() => healthy(this));
        var gate = new HealthGate([Probe], TimeProvider.System, new HealthGateOptions { Deadline = TimeSpan.FromSeconds(1), Delay = TimeSpan.FromMilliseconds(20), MaxDelay = TimeSpan.FromMilliseconds(50) });
        Upgrader = new RolloutUpgrader(
            new DirectoryTemplateCatalog(RepoPaths.Templates, Provisioner.Data.StandardDataAdapters.Create().Rules), Registry,
            RegistryFactory.CreateLocks(_home, TimeProvider.System), AwsFakes.Backend(runner, home: _home), protector, gate,
            new ProvisionerOptions(), TimeProvider.System, NullLogger<RolloutUpgrader>.Instance);
        var now = DateTimeOffset.UtcNow;
        Registry.SaveAsync(new TenantRecord(
            "acme", "notes", "1.0.0", "small", Provisioner.Aws.Backend.AwsBackendKind.Value, "aws:eu-west-1", TenantStatus.Active, "http://t-acme-alb-1.eu-west-1.elb.amazonaws.com/", null,
            NotesStamps.Secrets.Seal(protector, "acme"), null, now, now)).GetAwaiter().GetResult();
    }

    public RecordingProcessRunner Runner { get; }

    public ITenantRegistry Registry { get; }

    public ScriptedProbe Probe { get; }

    public RolloutUpgrader Upgrader { get; }

    /// <summary>The image the last deployed program rolled the app's service to: what the service was last told to run.</summary>
    public string? ConfiguredImage => Runner.DeployedPrograms.Select(p => Deployed.ServiceImage(p, "app")).LastOrDefault(i => i is not null);

    public Task<TenantUpgradeResult> UpgradeAsync() =>
        Upgrader.UpgradeAsync("acme", NuGet.Versioning.NuGetVersion.Parse("1.1.0"), Settings, null, null, CancellationToken.None);

    public UpgradeSettings Settings { get; } = new() { BackupRoot = "/nonexistent", MonitorWindow = TimeSpan.FromMilliseconds(200), MonitorInterval = TimeSpan.FromMilliseconds(50) };

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_home, recursive: true);
    }
}
