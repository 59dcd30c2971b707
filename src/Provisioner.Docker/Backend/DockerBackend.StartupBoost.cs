using Docker.DotNet.Models;
using Microsoft.Extensions.Logging;
using ContainerSpec = Provisioner.Core.Stamps.ContainerSpec;

namespace Provisioner.Docker.Backend;

/// <summary>
/// The startup boost (<see cref="DockerBackendOptions.StartupCpus"/>): containers are created with more CPU than their size's
/// limit, and the weight of that many CPUs under contention (<c>cpu.shares</c> 1024 per CPU, as their request gives them
/// after), and lowered to both (<c>docker update</c>, no restart) when the apply that created them ends, failed or not.
/// A process killed in between leaves a container above its limit: drift, which the next apply replaces.
/// </summary>
internal sealed partial class DockerBackend
{
    /// <summary>The CPU limit (in nano-CPUs) to create a container of <paramref name="spec"/> with, or null for its own.</summary>
    private long? BoostFor(ContainerSpec spec)
    {
        var boost = (long)Math.Round(options.StartupCpus * 1e9);
        return spec.NanoCpus > 0 && boost > spec.NanoCpus ? boost : null;
    }

    /// <summary>The CPU weight a boosted container starts with: that of <see cref="DockerBackendOptions.StartupCpus"/> requested CPUs.</summary>
    private long BoostShares => (long)Math.Round(options.StartupCpus * 1024);

    private async Task SettleAsync(string tenant, IReadOnlyList<BoostedContainer> boosted)
    {
        foreach (var container in boosted)
        {
            try
            {
                // Not cancellable: a container must not keep its boost because the operation was stopped.
                await IgnoreMissing(() => _docker.Containers.UpdateContainerAsync(
                    container.Id, new ContainerUpdateParameters { NanoCPUs = container.NanoCpus, CPUShares = container.CpuShares }, CancellationToken.None));
                log.LogDebug("{Tenant}: {Container} back to its CPU limit ({Cpus} CPUs) and weight ({Shares} shares)", tenant, container.Name, container.NanoCpus / 1e9, container.CpuShares);
            }
            catch (Exception e)
            {
                // The apply's own error (if any) is the one to report; the next apply sees the drift and replaces it.
                log.LogWarning(e, "{Tenant}: could not lower {Container} to its CPU limit", tenant, container.Name);
            }
        }
    }
}
