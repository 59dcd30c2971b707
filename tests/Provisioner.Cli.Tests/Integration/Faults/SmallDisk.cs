using System.Diagnostics;

namespace Provisioner.Cli.Tests.Integration.Faults;

/// <summary>
/// A small filesystem of its own for a test (root: <c>mount -t tmpfs -o size=8m</c> on a temporary folder), unmounted and
/// removed on dispose even when the test failed. <see cref="Fill"/> takes every free byte, so the next write meets ENOSPC.
/// </summary>
internal sealed class SmallDisk : IDisposable
{
    private readonly List<string> _fillers = [];

    public SmallDisk(string size = "8m")
    {
        Root = Directory.CreateTempSubdirectory("provision-small-disk-").FullName;
        var mounted = Run("mount", "-t", "tmpfs", "-o", $"size={size},mode=0700", "tmpfs", Root);
        if (mounted.Length > 0)
        {
            Directory.Delete(Root);
            throw new InvalidOperationException($"cannot mount a {size} tmpfs on {Root} (the full-disk tests need root): {mounted}");
        }
    }

    public string Root { get; }

    /// <summary>Writes a filler file until the filesystem is full; returns how many bytes it took.</summary>
    public long Fill()
    {
        var file = Path.Combine(Root, $"filler-{_fillers.Count}");
        _fillers.Add(file);
        long written = 0;
        using var stream = new FileStream(file, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1);
        foreach (var chunk in new[] { 1 << 20, 64 << 10, 4 << 10, 512, 1 })
        {
            var bytes = new byte[chunk];
            try
            {
                while (true)
                {
                    stream.Write(bytes);
                    written += chunk;
                }
            }
            catch (IOException)
            {
                // this chunk no longer fits: try a smaller one
            }
        }

        return written;
    }

    /// <summary>Gives the space taken by <see cref="Fill"/> back.</summary>
    public void Free()
    {
        foreach (var file in _fillers)
        {
            File.Delete(file);
        }

        _fillers.Clear();
    }

    public void Dispose()
    {
        var unmounted = Run("umount", Root);
        if (unmounted.Length > 0)
        {
            Run("umount", "-l", Root);
        }

        Directory.Delete(Root, recursive: true);
    }

    private static string Run(string command, params string[] args)
    {
        var info = new ProcessStartInfo(command) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? "" : $"{command} exit {process.ExitCode}: {error.Trim()}";
    }
}
