using Xunit.Abstractions;

namespace Provisioner.Tests.Faults;

/// <summary>
/// Runs a <see cref="KillScenario"/> once in count mode (every journaled step boundary recorded by the test hook), then,
/// for each chosen boundary N, again killed with SIGKILL at N, reruns the same command without the hook and checks the
/// end state. Every cell is kept (a failing one does not stop the others); the matrix is printed and written to
/// <c>.build/faults/kill-matrix-OPERATION.txt</c> (<paramref name="reports"/>). Shared by the test projects (linked from
/// tests/Shared): <paramref name="cli"/> runs the real binary on one state folder, the single engine's or the cluster's.
/// </summary>
internal sealed class KillMatrix(KillMatrixCli cli, string reports, ITestOutputHelper output)
{
    private const int KilledExit = 137; // 128 + SIGKILL
    private readonly string _folder = Directory.CreateDirectory(Path.Combine(cli.Home, "faults")).FullName;

    public async Task<IReadOnlyList<KillMatrixRow>> RunAsync(KillScenario scenario, Func<int, IReadOnlyList<int>> choose)
    {
        await scenario.PrepareAsync();
        var countLog = Path.Combine(_folder, $"{scenario.Operation}-count.log");
        var counted = await RunHookedAsync(scenario.Args, new() { ["PROVISIONER_FAULT_LOG"] = countLog, ["PROVISIONER_FAULT_AT"] = "" });
        Assert.True(counted.ExitCode == (scenario.ExpectedExit ?? counted.ExitCode), $"{scenario.Operation} (count mode): {counted}");
        var expected = counted.ExitCode;
        await scenario.VerifyAsync();
        var labels = Labels(countLog);
        Assert.NotEmpty(labels);

        var rows = new List<KillMatrixRow>();
        foreach (var n in choose(labels.Count))
        {
            rows.Add(await KillAtAsync(scenario, expected, n, labels[n - 1]));
        }

        Report(scenario.Operation, labels.Count, rows);
        return rows;
    }

    private async Task<KillMatrixRow> KillAtAsync(KillScenario scenario, int expected, int n, string counted)
    {
        var label = counted;
        try
        {
            await scenario.PrepareAsync();
            var log = Path.Combine(_folder, $"{scenario.Operation}-{n}.log");
            var killed = await RunHookedAsync(scenario.Args, new() { ["PROVISIONER_FAULT_AT"] = $"{n}", ["PROVISIONER_FAULT_LOG"] = log });
            label = Labels(log).LastOrDefault() ?? counted;
            if (killed.ExitCode != KilledExit)
            {
                return new(scenario.Operation, n, label, $"not killed: exit {killed.ExitCode} {FirstLine(killed.Stderr)}");
            }

            if (scenario.AfterKillAsync is { } afterKill)
            {
                await afterKill();
            }

            var rerun = await cli.Run(new Dictionary<string, string>(), scenario.Args);
            var accepted = rerun.ExitCode != expected && scenario.AcceptedRerun?.Invoke(rerun) == true;
            if (rerun.ExitCode != expected && !accepted)
            {
                return new(scenario.Operation, n, label, $"rerun exit {rerun.ExitCode}: {ErrorOrFirstLine(rerun.Stderr)}");
            }

            await scenario.VerifyAsync();
            StateFolderChecks.NoLockHeld(cli.Home);
            return new(scenario.Operation, n, label, accepted ? $"{KillMatrixRow.Converged} (rerun exit {rerun.ExitCode}: {ErrorOrFirstLine(rerun.Stderr)})" : KillMatrixRow.Converged);
        }
        catch (Exception e)
        {
            return new(scenario.Operation, n, label, "end state: " + FirstLine(e.Message));
        }
    }

    private Task<KillRun> RunHookedAsync(string[] args, Dictionary<string, string> hook)
    {
        hook["PROVISIONER_TEST_HOOKS"] = "1";
        return cli.Run(hook, args); // on top of the scenario's environment (its templates, say)
    }

    private void Report(string operation, int boundaries, List<KillMatrixRow> rows)
    {
        var lines = new List<string>
        {
            $"kill matrix: {operation}, {boundaries} boundaries, {rows.Count} killed ({KillMatrixMode.Name}), {rows.Count(r => r.Green)} converged",
        };
        lines.AddRange(rows.Select(r => r.ToString()));
        foreach (var line in lines)
        {
            output.WriteLine(line);
        }

        File.WriteAllLines(Path.Combine(Directory.CreateDirectory(reports).FullName, $"kill-matrix-{operation}.txt"), lines);
    }

    private static List<string> Labels(string log) =>
        File.Exists(log) ? File.ReadAllLines(log).Select(l => l.Split('\t')[1]).ToList() : [];

    /// <summary>The <c>Error:</c> line when there is one (progress lines come first on standard error), else the first line.</summary>
    private static string ErrorOrFirstLine(string text) =>
        text.Split('\n', StringSplitOptions.TrimEntries).FirstOrDefault(l => l.StartsWith("Error:", StringComparison.Ordinal)) ?? FirstLine(text);

    private static string FirstLine(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "";

    /// <summary>Fails the test with the whole matrix when any cell is not green.</summary>
    public static void AssertAllGreen(IReadOnlyList<KillMatrixRow> rows) =>
        Assert.True(rows.All(r => r.Green), "not converged:\n" + string.Join("\n", rows.Where(r => !r.Green)));
}
