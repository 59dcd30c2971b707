using System.Diagnostics;
using System.Text.Json;

namespace Provisioner.Swarm.Tests.Support;

/// <summary>
/// The test cluster's nodes as a failure test needs them: each one's address and engine (from nodes.json), killed with
/// SIGKILL and started again through infra/cluster/node.sh, and shell commands (the docker CLI) bounded in time.
/// </summary>
internal static class ClusterNodes
{
    /// <summary>The node's address and engine socket, from the cluster's nodes.json.</summary>
    public static (string Address, string Socket) Of(int n)
    {
        using var nodes = JsonDocument.Parse(File.ReadAllText(Path.Combine(SwarmCluster.StateDir, "nodes.json")));
        var node = nodes.RootElement.GetProperty("nodes").EnumerateArray().Single(e => e.GetProperty("hostname").GetString() == Hostname(n));
        return (node.GetProperty("address").GetString()!, node.GetProperty("engine").GetString()!);
    }

    public static string Hostname(int n) => $"swt{n}";

    /// <summary>The node number of a hostname (swt3: 3).</summary>
    public static int Number(string hostname) => int.Parse(hostname["swt".Length..], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>infra/cluster/node.sh ACTION N: kill (every process of the node, SIGKILL), start, wait-down, wait-ready.</summary>
    public static Task NodeScriptAsync(string action, int n) =>
        ShellAsync($"CLUSTER_STATE='{SwarmCluster.StateDir}' '{Path.Combine(RepoPaths.Root, "infra", "cluster", "node.sh")}' {action} {n}");

    /// <summary>Every node but <paramref name="n"/>.</summary>
    public static IEnumerable<int> AllBut(int n) => Enumerable.Range(1, 3).Where(i => i != n);

    /// <summary>The nodes' availability set (active, pause: no new task lands there, drain).</summary>
    public static async Task AvailabilityAsync(string availability, IEnumerable<int> nodes)
    {
        foreach (var n in nodes)
        {
            await ManagerAsync($"node update --availability {availability} {Hostname(n)}");
        }
    }

    /// <summary>The docker CLI against the manager.</summary>
    public static Task<string> ManagerAsync(string arguments) => ShellAsync($"docker -H '{SwarmCluster.Manager}' {arguments}");

    public static async Task<string> ShellAsync(string command)
    {
        var (exitCode, output, error) = await RunAsync(command);
        Assert.True(exitCode == 0, $"{command}: exit {exitCode}\n{output}\n{error}");
        return output;
    }

    /// <summary>The exit code of a shell command that may fail (a probe).</summary>
    public static async Task<int> ExitCodeAsync(string command) => (await RunAsync(command)).ExitCode;

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(string command)
    {
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("set -o pipefail; " + command);
        using var process = Process.Start(info)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
