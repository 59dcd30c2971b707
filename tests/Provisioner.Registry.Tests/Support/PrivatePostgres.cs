using System.Diagnostics;

namespace Provisioner.Registry.Tests.Support;

/// <summary>
/// A PostgreSQL server of one test's own (the same script as the shared test server, another folder), for tests that restart
/// it: restarting the shared one would break every other test using it. Removed at the end, also when the test failed.
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"provision-pg-{Guid.NewGuid():N}"[..24]);

    public string AdminUrl { get; private set; } = "";

    public static async Task<PrivatePostgres> StartAsync()
    {
        var server = new PrivatePostgres();
        server.AdminUrl = (await server.RunAsync("start")).Trim();
        return server;
    }

    /// <summary>A fast restart: every session is dropped; returns when the server accepts connections again.</summary>
    public Task RestartAsync() => RunAsync("restart");

    public async ValueTask DisposeAsync() => await RunAsync("destroy");

    private async Task<string> RunAsync(string action)
    {
        var info = new ProcessStartInfo("bash", [RepoPaths.EnsurePostgres, action]) { RedirectStandardOutput = true, RedirectStandardError = true };
        info.Environment["PROVISIONER_PG_DIR"] = _dir;
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? await stdout : throw new InvalidOperationException($"ensure-postgres.sh {action} failed: {await stderr}");
    }
}
