using Docker.DotNet;
using Docker.DotNet.Models;
using Microsoft.Extensions.Logging;
using Provisioner.Core.Backends;
using Provisioner.Core.Capacity;
using Provisioner.Core.Stamps;
using Provisioner.Docker.Backend;
using Provisioner.Docker.Engine;

namespace Provisioner.Docker.Capacity;

/// <summary>
/// A Docker engine as a host: CPUs and memory from <c>/info</c>, free disk of its data root (only when the engine is on this
/// machine, i.e. a unix socket), and every tenant container with its labels (one label-filtered list: what admission needs,
/// so its cost does not grow with the fleet). Sampled (a capacity run): also an inspect each for the requests and limits set
/// on it, one stats sample per running container and volume sizes from <c>/system/df</c>.
/// </summary>
internal sealed class DockerHostObserver(DockerEngine engine, string host, ILogger<DockerHostObserver> log) : IHostObserver
{
    private const int Parallelism = 8;

    private readonly IDockerClient _docker = engine.Client;

    public string Host => host;

    public Task<HostObservation> ObserveAsync(bool measureUsage, CancellationToken ct) => EngineErrorMapping.Guard(engine, async () =>
    {
        var info = await _docker.System.GetSystemInfoAsync(ct);
        var filter = EngineFilters.Label($"{StampLabels.Managed}=true");
        var containers = await _docker.Containers.ListContainersAsync(new ContainersListParameters { All = true, Filters = filter }, ct);
        var tenantContainers = containers.Where(c => c.Labels?.ContainsKey(StampLabels.Tenant) == true).ToList();
        var workloads = new ObservedWorkload[tenantContainers.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, tenantContainers.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct },
            async (i, token) => workloads[i] = await ObserveAsync(tenantContainers[i], measureUsage, token));
        var volumes = measureUsage ? await VolumeBytesAsync(ct) : null;
        var facts = new HostFacts(host, info.NCPU, info.MemTotal, FreeDisk(info.DockerRootDir));
        log.LogDebug("Observed {Host}: {Cpus} CPUs, {Memory} bytes, {Containers} tenant containers", host, info.NCPU, info.MemTotal, workloads.Length);
        return new HostObservation(facts, workloads.Where(w => w is not null).ToList(), volumes);
    }, ct);

    private async Task<ObservedWorkload> ObserveAsync(ContainerListResponse c, bool measureUsage, CancellationToken ct)
    {
        var labels = DockerObserver.Labels(c.Labels);
        var limits = new HostConfig();
        if (measureUsage)
        {
            try
            {
                limits = (await _docker.Containers.InspectContainerAsync(c.ID, ct)).HostConfig ?? new HostConfig();
            }
            catch (Exception e) when (EngineErrorMapping.IsNotFound(e))
            {
                // removed between the list and the inspect
            }
        }

        double? cpuUsed = null;
        long? memoryUsed = null;
        if (measureUsage && c.State == "running")
        {
            try
            {
                if (await ContainerStatsSampler.SampleAsync(_docker.Containers, c.ID, ct) is { } stats)
                {
                    cpuUsed = CpuCores(stats);
                    memoryUsed = (long?)stats.MemoryStats?.Usage;
                }
            }
            catch (Exception e) when (EngineErrorMapping.IsNotFound(e))
            {
                // gone meanwhile: no usage
            }
            catch (Exception e) when (e is System.Text.Json.JsonException or IOException)
            {
                // Stopped meanwhile: the engine answers a one-shot stats request with an empty body. No usage, as if gone.
                log.LogDebug("No usage sample for {Container}: {Error}", c.ID, e.Message);
            }
        }

        return new ObservedWorkload(
            labels[StampLabels.Tenant], labels.GetValueOrDefault(StampLabels.Component) ?? "", labels.GetValueOrDefault(StampLabels.Kind) is "job" or Backend.DockerBackend.HelperKind ? WorkloadKind.Job : WorkloadKind.Service,
            labels.GetValueOrDefault(StampLabels.Template), labels.GetValueOrDefault(StampLabels.Size),
            limits.NanoCPUs / 1e9, limits.Memory, cpuUsed, memoryUsed)
        {
            // Not set (a container made before sizes had requests): its request was its limit.
            CpuRequest = measureUsage ? (limits.CPUShares > 0 ? limits.CPUShares / 1024.0 : limits.NanoCPUs / 1e9) : null,
            MemoryRequest = measureUsage ? (limits.MemoryReservation > 0 ? limits.MemoryReservation : limits.Memory) : null,
        };
    }

    /// <summary>(container CPU time delta / host CPU time delta) × online CPUs = cores in use over the sample.</summary>
    internal static double CpuCores(ContainerStatsResponse s)
    {
        double now = s.CPUStats?.CPUUsage?.TotalUsage ?? 0, before = s.PreCPUStats?.CPUUsage?.TotalUsage ?? 0;
        double system = s.CPUStats?.SystemUsage ?? 0, systemBefore = s.PreCPUStats?.SystemUsage ?? 0;
        var (cpu, systemDelta) = (now - before, system - systemBefore);
        return cpu > 0 && systemDelta > 0 && systemBefore > 0 ? cpu / systemDelta * Math.Max(1, s.CPUStats?.OnlineCPUs ?? 1) : 0;
    }

    /// <summary>Bytes per tenant, summed over its volumes, from our own <c>/system/df</c> read (the library's is empty on API 1.41).</summary>
    private async Task<IReadOnlyDictionary<string, long>> VolumeBytesAsync(CancellationToken ct)
    {
        var volumes = await engine.DiskUsage.ReadVolumesAsync(ct);
        return volumes
            .Where(v => v.Labels.ContainsKey(StampLabels.Tenant) && v.SizeBytes > 0)
            .GroupBy(v => v.Labels[StampLabels.Tenant], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(v => v.SizeBytes), StringComparer.Ordinal);
    }

    /// <summary>Free bytes of the data root's file system, when the engine runs on this machine; null otherwise.</summary>
    private long? FreeDisk(string dataRoot)
    {
        if (engine.Endpoint.Scheme != "unix" || string.IsNullOrEmpty(dataRoot) || !Directory.Exists(dataRoot))
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
