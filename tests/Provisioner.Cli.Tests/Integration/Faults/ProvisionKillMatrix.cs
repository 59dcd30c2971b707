using Provisioner.Cli.Tests.Support;
using Xunit.Abstractions;

namespace Provisioner.Cli.Tests.Integration.Faults;

/// <summary>A <see cref="KillMatrix"/> on the single engine: runs through <see cref="ProvisionCli"/>, reports in .build/faults.</summary>
internal static class ProvisionKillMatrix
{
    public static KillMatrix Of(ProvisionCli cli, ITestOutputHelper output) =>
        new(new KillMatrixCli(cli.Home, async (extra, args) =>
            {
                var run = await (extra.Count == 0 ? cli : cli.With(extra)).RunAsync(args);
                return new KillRun(run.ExitCode, run.Stderr);
            }),
            Path.Combine(RepoPaths.Root, ".build", "faults"),
            output);
}
