using System.Diagnostics;

namespace Provisioner.Cli.Tests.Support;

/// <summary>Runs the real <c>provision</c> binary (as a separate process) against one state folder.</summary>
public sealed class ProvisionCli(string home, IReadOnlyDictionary<string, string>? environment = null)
{
    private static readonly string Dll = Path.Combine(AppContext.BaseDirectory, "provision.dll");

    public string Home { get; } = home;

    public List<CliResult> History { get; } = [];

    public async Task<CliResult> RunAsync(params string[] args)
    {
        using var process = Start(args);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        var result = new CliResult(process.ExitCode, await stdout, await stderr);
        History.Add(result);
        return result;
    }

    /// <summary>Starts provision without waiting (for kill -9 and lock tests). Output is drained in the background.</summary>
    public Process Start(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Dll);
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        info.Environment["PROVISIONER_HOME"] = Home;
        info.Environment["PROVISIONER_TEMPLATES"] = RepoPaths.Templates;
        info.Environment["NO_COLOR"] = "1";
        foreach (var (k, v) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[k] = v;
        }

        return Process.Start(info) ?? throw new InvalidOperationException("could not start provision");
    }
}
