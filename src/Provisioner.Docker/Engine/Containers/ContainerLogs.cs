using System.Globalization;
using System.Text;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace Provisioner.Docker.Engine;

/// <summary>The last lines a container wrote, stdout and stderr interleaved as written (for a failed job's error).</summary>
internal static class ContainerLogs
{
    /// <param name="tail">Lines to keep; all when negative.</param>
    public static async Task<string> TailAsync(IContainerOperations containers, string id, int tail, CancellationToken ct)
    {
        var parameters = new ContainerLogsParameters
        {
            ShowStdout = true,
            ShowStderr = true,
            Tail = tail < 0 ? "all" : tail.ToString(CultureInfo.InvariantCulture),
        };
        using var logs = await containers.GetContainerLogsAsync(id, parameters, ct);
        using var output = new MemoryStream();
        await logs.CopyOutputToAsync(Stream.Null, output, output, ct);
        return Encoding.UTF8.GetString(output.GetBuffer(), 0, (int)output.Length);
    }
}
