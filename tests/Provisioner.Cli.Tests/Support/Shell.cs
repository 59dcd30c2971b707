using System.Diagnostics;

namespace Provisioner.Cli.Tests.Support;

/// <summary>Runs another real program (the docker CLI) and returns what it printed.</summary>
public static class Shell
{
    public static Task<CliResult> RunAsync(string file, params string[] args) => RunAsync(file, args, TimeSpan.FromMinutes(2));

    public static async Task<CliResult> RunAsync(string file, IReadOnlyList<string> args, TimeSpan limit)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info)!;
        using var timeout = new CancellationTokenSource(limit);
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return new CliResult(process.ExitCode, await stdout, await stderr);
    }
}
