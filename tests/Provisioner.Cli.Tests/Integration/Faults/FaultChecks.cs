using Provisioner.Cli.Tests.Support;

namespace Provisioner.Cli.Tests.Integration.Faults;

/// <summary>End-state checks after a killed operation's rerun: registry equals the engine, the tenant's resources (locks and backups: <see cref="StateFolderChecks"/>).</summary>
internal static class FaultChecks
{
    /// <summary>A notes tenant as its stamp says: three containers (app, db, the migrate job), two networks, one volume.</summary>
    public static async Task NotesResourcesAsync(EngineFixture engine, string name)
    {
        var (containers, networks, volumes) = await engine.ResourcesOf(name);
        Assert.Equal([$"t-{name}-app", $"t-{name}-db", $"t-{name}-migrate"], containers);
        Assert.Equal([$"t-{name}-edge", $"t-{name}-internal"], networks);
        Assert.Equal([$"t-{name}-db-data"], volumes);
    }

    /// <summary>The registry's row: the status and template the engine's containers are expected to run.</summary>
    public static async Task RecordAsync(TenantProbe probe, string name, string status, string version)
    {
        var record = await probe.RecordAsync(name);
        Assert.Equal(status, record.GetProperty("status").GetString());
        Assert.Equal(version, record.GetProperty("version").GetString());
    }

    /// <summary>The one line of a run's standard error that starts with "Error:" (fails when there is not exactly one).</summary>
    public static string ErrorLine(CliResult run) =>
        Assert.Single(run.Stderr.Split('\n', StringSplitOptions.TrimEntries), l => l.StartsWith("Error:", StringComparison.Ordinal));
}
