using System.Text.Json;
using Provisioner.Core.Capacity;

namespace Provisioner.Cli.Tests.Support;

/// <summary>
/// The engine's real CPUs and memory (from <c>docker info</c>, the engine's <c>/info</c>) and the free disk of its data root,
/// so that capacity tests derive their expected answers from the machine they run on instead of assuming one.
/// </summary>
public sealed record EngineHost(int Cpus, long MemoryBytes, long? FreeDiskBytes)
{
    private const double Epsilon = 1e-9;

    public static async Task<EngineHost> ReadAsync()
    {
        var info = await Shell.RunAsync("docker", "info", "--format", "{{json .}}");
        Assert.True(info.ExitCode == 0, info.ToString());
        var root = JsonDocument.Parse(info.Stdout).RootElement;
        var dataRoot = root.TryGetProperty("DockerRootDir", out var d) ? d.GetString() : null;
        long? disk = dataRoot is { Length: > 0 } && Directory.Exists(dataRoot) ? new DriveInfo(dataRoot).AvailableFreeSpace : null;
        var host = new EngineHost(root.GetProperty("NCPU").GetInt32(), root.GetProperty("MemTotal").GetInt64(), disk);
        Assert.True(host.Cpus > 0 && host.MemoryBytes > 0, $"docker info reports no CPUs or memory: {info.Stdout}");
        return host;
    }

    /// <summary>
    /// Tenants needing <paramref name="cpu"/> cores, <paramref name="memory"/> and <paramref name="disk"/> bytes that fit on an
    /// empty engine after the reserve, CPUs promised <paramref name="overcommit"/> times: the fewest over the three resources
    /// (disk only when it can be read, as the product does). Ties name the first of CPU, memory, disk.
    /// </summary>
    public EngineFit Fit(double cpu, long memory, long disk, double reserve, double overcommit)
    {
        var allocatable = new List<(ResourceKind Kind, double Amount, double Need)>
        {
            (ResourceKind.Cpu, Cpus * (1 - reserve) * overcommit, cpu),
            (ResourceKind.Memory, Math.Floor(MemoryBytes * (1 - reserve)), memory),
        };
        if (FreeDiskBytes is { } free)
        {
            allocatable.Add((ResourceKind.Disk, Math.Floor(free * (1 - reserve)), disk));
        }

        var binding = allocatable.Select(a => (a.Kind, a.Amount, a.Need, Count: (int)Math.Floor((a.Amount / a.Need) + Epsilon)))
            .OrderBy(a => a.Count).ThenBy(a => a.Kind).First();
        return new EngineFit(binding.Count, binding.Kind, binding.Amount - (binding.Count * binding.Need));
    }
}
