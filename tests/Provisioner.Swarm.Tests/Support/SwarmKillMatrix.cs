using Xunit.Abstractions;

namespace Provisioner.Swarm.Tests.Support;

/// <summary>A <see cref="KillMatrix"/> on the cluster: runs through <see cref="SwarmCli"/> on one state folder, reports in .build/faults.</summary>
internal static class SwarmKillMatrix
{
    public static KillMatrix Of(string home, ITestOutputHelper output) =>
        new(new KillMatrixCli(home, async (extra, args) =>
            {
                var cli = new SwarmCli(home);
                foreach (var (name, value) in extra)
                {
                    cli.Environment[name] = value;
                }

                var run = await cli.RunAsync(args);
                return new KillRun(run.ExitCode, run.Stderr);
            }),
            Path.Combine(RepoPaths.Root, ".build", "faults"),
            output);
}
