using System.Diagnostics;

namespace Provisioner.Cli.Tests.Integration.Faults;

/// <summary>
/// The most a process held while it ran, read from <c>/proc</c>: its peak resident memory (<c>VmHWM</c>) and the most
/// file descriptors open at one sample (sampled every 50 ms until it exits).
/// </summary>
internal sealed record ProcessPeak(long RssKiB, int Handles)
{
    /// <summary>Samples <paramref name="process"/> until it exits; what was read last before it went.</summary>
    public static async Task<ProcessPeak> WhileRunningAsync(Process process)
    {
        var peak = new ProcessPeak(0, 0);
        while (!process.HasExited)
        {
            peak = Sample(process.Id) is { } now ? new ProcessPeak(Math.Max(peak.RssKiB, now.RssKiB), Math.Max(peak.Handles, now.Handles)) : peak;
            await Task.Delay(50);
        }

        return peak;
    }

    private static ProcessPeak? Sample(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            var rss = line is null ? 0 : long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
            return new ProcessPeak(rss, Directory.EnumerateFileSystemEntries($"/proc/{pid}/fd").Count());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return null; // it exited between two reads
        }
    }
}
