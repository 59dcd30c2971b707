using System.Diagnostics;
using Provisioner.Docker.Engine;

namespace Provisioner.Docker.Tests.Integration;

/// <summary>
/// Makes sure <c>provisioner/base:bookworm</c> exists: waits for it (another job may be building it), then,
/// if it never appears, imports the debootstrap root filesystem at <c>/tmp/dbs/rootfs</c>. Done once per test run.
/// </summary>
internal static class TestImages
{
    private const string RootFs = "/tmp/dbs/rootfs";
    private static readonly TimeSpan WaitForBuild = TimeSpan.FromMinutes(10);
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static bool _ready;

    public static async Task EnsureBaseImageAsync(IDockerClient client, CancellationToken cancellationToken)
    {
        if (_ready)
        {
            return;
        }

        await Gate.WaitAsync(cancellationToken);
        try
        {
            if (!_ready)
            {
                await WaitOrImportAsync(client, cancellationToken);
                _ready = true;
            }
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task WaitOrImportAsync(IDockerClient client, CancellationToken cancellationToken)
    {
        var giveUp = Stopwatch.StartNew();
        while (giveUp.Elapsed < WaitForBuild)
        {
            if (await client.Images.ExistsAsync(TestRun.BaseImage, cancellationToken))
            {
                return;
            }

            if (!Directory.Exists(RootFs))
            {
                break;
            }

            await Task.Delay(TimeSpan.FromSeconds(10), cancellationToken);
        }

        if (!Directory.Exists(RootFs))
        {
            throw new InvalidOperationException(
                $"Image {TestRun.BaseImage} is missing and {RootFs} does not exist; build the base image first.");
        }

        using var import = Process.Start(new ProcessStartInfo("sh", ["-c", $"tar -C {RootFs} -c . | docker import - {TestRun.BaseImage}"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        await import.WaitForExitAsync(cancellationToken);
        if (import.ExitCode != 0)
        {
            throw new InvalidOperationException($"Importing {TestRun.BaseImage} failed: {await import.StandardError.ReadToEndAsync(cancellationToken)}");
        }
    }
}
