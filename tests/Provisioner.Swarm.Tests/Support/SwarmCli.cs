using System.Diagnostics;
using System.Text.Json;

namespace Provisioner.Swarm.Tests.Support;

/// <summary>
/// Runs the real <c>provision</c> binary (a separate process) with its own state folder, on the cluster: backend swarm, the
/// manager from <see cref="SwarmCluster"/>, the sample product notes, real capacity (no CPU overcommit; every tenant on the
/// cluster counts).
/// </summary>
public sealed class SwarmCli(string home)
{
    private static readonly string Dll = Path.Combine(AppContext.BaseDirectory, "provision.dll");

    /// <summary>The binary users run, named by <c>$PROVISIONER_TEST_BINARY</c> (tests/run-all.sh sets it); without it, <c>dotnet provision.dll</c>.</summary>
    private static readonly string? Binary = System.Environment.GetEnvironmentVariable("PROVISIONER_TEST_BINARY") is { Length: > 0 } b ? b : null;

    public string Home { get; } = home;

    /// <summary>Variables set after the defaults (e.g. another manager address); a null value removes one.</summary>
    public Dictionary<string, string?> Environment { get; } = [];

    public async Task<CliResult> RunAsync(params string[] args)
    {
        using var process = Start(args);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return new CliResult(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>The tenant's entry in <c>provision list --json</c>.</summary>
    public async Task<JsonElement> ListedAsync(string name)
    {
        var list = await RunAsync("list", "--json");
        Assert.True(list.ExitCode == 0, list.ToString());
        using var doc = JsonDocument.Parse(list.Stdout);
        return doc.RootElement.EnumerateArray().Single(t => t.GetProperty("name").GetString() == name).Clone();
    }

    /// <summary>Starts the binary with standard output and error redirected (for a test that reads them as they come, or kills it).</summary>
    public Process Start(params string[] args)
    {
        var info = new ProcessStartInfo(Binary ?? "dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Binary is null)
        {
            info.ArgumentList.Add(Dll);
        }

        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        info.Environment["PROVISIONER_HOME"] = Home;
        info.Environment["PROVISIONER_TEMPLATES"] = RepoPaths.Templates;
        info.Environment["PROVISIONER_DEFAULT_TEMPLATE"] = "notes";
        info.Environment["PROVISIONER_BACKEND"] = "swarm";
        info.Environment["PROVISIONER_SWARM_MANAGER"] = SwarmCluster.Manager;
        info.Environment["PROVISIONER_CPU_OVERCOMMIT"] = "1";
        info.Environment["NO_COLOR"] = "1";

        // Swarm tenants ignore the edge proxy; the tests that use a node as a plain Docker engine publish each entry on the
        // node's address (the edge, on by default, would need its image on that node too).
        info.Environment["PROVISIONER_EDGE"] = "off";
        foreach (var (name, value) in Environment)
        {
            info.Environment[name] = value;
        }

        return Process.Start(info) ?? throw new InvalidOperationException("could not start provision");
    }
}
