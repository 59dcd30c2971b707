using Microsoft.Extensions.Logging;
using Provisioner.Core.Capacity;
using Provisioner.Core.Stamps;
using Provisioner.Docker.Backend;
using Provisioner.Docker.Engine;

namespace Provisioner.Docker.Capacity;

/// <summary>
/// A Docker engine as a host: CPUs and memory from <c>/info</c>, free disk of its data root (only when the engine is on this
/// machine, i.e. a unix socket), and every tenant container with the limits enforced on it (one label-filtered list, then
/// an inspect each). Usage, when asked: one stats sample per running container and volume sizes from <c>/system/df</c>.
/// </summary>
public sealed class DockerHostObserver(IDockerClient docker, string host, ILogger<DockerHostObserver> log) : IHostObserver
{
    private const int Parallelism = 8;

    public string Host => host;

    public Task<HostObservation> ObserveAsync(bool measureUsage, CancellationToken ct) => EngineErrorMapping.Guard(async () =>
    {
        var info = await docker.System.GetInfoAsync(ct);
        var containers = await docker.Containers.ListAsync(all: true, DockerFilters.Label($"{StampLabels.Managed}=true"), ct);
        var tenantContainers = containers.Where(c => c.Labels.ContainsKey(StampLabels.Tenant)).ToList();
        var workloads = new ObservedWorkload[tenantContainers.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, tenantContainers.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct },
            async (i, token) => workloads[i] = await ObserveAsync(tenantContainers[i], measureUsage, token));
        var volumes = measureUsage ? await VolumeBytesAsync(ct) : null;
        var facts = new HostFacts(host, info.NCpu, info.MemTotal, FreeDisk(info.DockerRootDir));
        log.LogDebug("Observed {Host}: {Cpus} CPUs, {Memory} bytes, {Containers} tenant containers", host, info.NCpu, info.MemTotal, workloads.Length);
        return new HostObservation(facts, workloads.Where(w => w is not null).ToList(), volumes);
    });

    private async Task<ObservedWorkload> ObserveAsync(ContainerSummary c, bool measureUsage, CancellationToken ct)
    {
        var labels = c.Labels;
        HostConfig limits;
        try
        {
            limits = (await docker.Containers.InspectAsync(c.Id, ct)).HostConfig;
        }
        catch (DockerNotFoundException)
        {
            limits = new HostConfig(); // removed between the list and the inspect
        }

        double? cpuUsed = null;
        long? memoryUsed = null;
        if (measureUsage && c.State == "running")
        {
            try
            {
                var stats = await docker.Containers.GetStatsAsync(c.Id, ct);
                cpuUsed = CpuCores(stats);
                memoryUsed = stats.MemoryStats.Usage;
            }
            catch (DockerNotFoundException)
            {
                // gone meanwhile: no usage
            }
        }

        return new ObservedWorkload(
            labels[StampLabels.Tenant], labels.GetValueOrDefault(StampLabels.Component) ?? "", labels.GetValueOrDefault(StampLabels.Kind) ?? "container",
            labels.GetValueOrDefault(StampLabels.Template), labels.GetValueOrDefault(StampLabels.Size),
            limits.NanoCpus / 1e9, limits.Memory, cpuUsed, memoryUsed);
    }

    /// <summary>(container CPU time delta / host CPU time delta) × online CPUs = cores in use over the sample.</summary>
    private static double CpuCores(ContainerStats s)
    {
        var cpu = s.CpuStats.CpuUsage.TotalUsage - s.PreCpuStats.CpuUsage.TotalUsage;
        var system = s.CpuStats.SystemCpuUsage - s.PreCpuStats.SystemCpuUsage;
        return cpu > 0 && system > 0 && s.PreCpuStats.SystemCpuUsage > 0 ? (double)cpu / system * Math.Max(1, s.CpuStats.OnlineCpus) : 0;
    }

    private async Task<IReadOnlyDictionary<string, long>> VolumeBytesAsync(CancellationToken ct)
    {
        var usage = await docker.System.GetDiskUsageAsync(ct);
        return usage.Volumes
            .Where(v => v.Labels.ContainsKey(StampLabels.Tenant) && v.UsageData.Size > 0)
            .GroupBy(v => v.Labels[StampLabels.Tenant], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(v => v.UsageData.Size), StringComparer.Ordinal);
    }

    /// <summary>Free bytes of the data root's file system, when the engine runs on this machine; null otherwise.</summary>
    private long? FreeDisk(string dataRoot)
    {
        if (docker.Endpoint.Scheme != "unix" || string.IsNullOrEmpty(dataRoot) || !Directory.Exists(dataRoot))
        {
            return null;
        }

        try
        {
            return new DriveInfo(dataRoot).AvailableFreeSpace;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            log.LogWarning("Cannot read the free space of {DataRoot}: {Error}", dataRoot, e.Message);
            return null;
        }
    }
}
