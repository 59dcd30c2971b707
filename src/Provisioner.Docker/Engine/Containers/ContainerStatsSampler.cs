using Docker.DotNet;
using Docker.DotNet.Models;

namespace Provisioner.Docker.Engine;

/// <summary>One resource-usage sample of a running container, with the previous CPU sample (the engine takes about a second).</summary>
internal static class ContainerStatsSampler
{
    public static async Task<ContainerStatsResponse?> SampleAsync(IContainerOperations containers, string id, CancellationToken ct)
    {
        ContainerStatsResponse? sample = null;
        await containers.GetContainerStatsAsync(id, new ContainerStatsParameters { Stream = false }, new SynchronousProgress<ContainerStatsResponse>(s => sample = s), ct);
        return sample;
    }
}
