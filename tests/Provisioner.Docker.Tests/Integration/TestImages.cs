using System.Diagnostics;
using Docker.DotNet;
using Provisioner.Docker.Engine;

namespace Provisioner.Docker.Tests.Integration;

/// <summary>
/// Makes sure <c>provisioner/base:bookworm</c> exists. It is built by the repository's <c>infra/images/build.sh</c>
/// (<c>make images</c>, which <c>make test</c> runs first); while that build may still be running (its root filesystem
/// under <c>.build/</c> exists), this waits for it, then fails saying how to build it. Done once per test run.
/// </summary>
internal static class TestImages
{
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
                await WaitForBuildAsync(client, cancellationToken);
                _ready = true;
            }
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task WaitForBuildAsync(IDockerClient client, CancellationToken cancellationToken)
    {
        var giveUp = Stopwatch.StartNew();
        while (!await ImageLookup.ExistsAsync(client.Images, TestRun.BaseImage, cancellationToken))
        {
            if (!Directory.Exists(BuildInProgress) || giveUp.Elapsed > WaitForBuild)
            {
                throw new InvalidOperationException($"Image {TestRun.BaseImage} is missing: build it with `make images` (infra/images/build.sh) first.");
            }

            await Task.Delay(TimeSpan.FromSeconds(10), cancellationToken);
        }
    }

    /// <summary>infra/images/build.sh's root filesystem while it builds the base image (it is removed when done).</summary>
    private static string BuildInProgress => Path.Combine(RepoRoot(), ".build", "rootfs-bookworm");

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Provisioner.sln")))
            {
                return dir.FullName;
            }
        }

        return AppContext.BaseDirectory;
    }
}
