using System.Globalization;
using Docker.DotNet;
using Docker.DotNet.Models;
using Provisioner.Core.Capacity;
using Provisioner.Core.Reconcile;
using Provisioner.Core.Stamps;
using Provisioner.Docker.Engine;
using ContainerSpec = Provisioner.Core.Stamps.ContainerSpec;

namespace Provisioner.Docker.Backend;

/// <summary>
/// What the stamp hash label cannot show: a container of the stamp's name made by hand without the tenant's labels, an image
/// swapped under the same labels, a network it was taken off, limits changed with <c>docker update</c>. Each such container is marked with
/// <see cref="ObservedContainer.Drift"/>, which the planner replaces.
/// </summary>
internal static class DockerDrift
{
    /// <param name="boostNanoCpus">The startup boost's CPU limit (0: none): a container left at it by an apply that was
    /// interrupted before it lowered it is not a hand's change; it is added to <paramref name="leftBoosted"/>, to be lowered.</param>
    public static async Task<ObservedState> MarkAsync(
        IDockerClient docker, Stamp stamp, ObservedState observed, CancellationToken ct, long boostNanoCpus = 0, List<BoostedContainer>? leftBoosted = null)
    {
        var containers = observed.Containers.ToList();
        // Every inspect at once (one round trip's wait on a converged rerun, not one per container); the list is changed after.
        var looked = await Task.WhenAll(stamp.Containers.Select(async desired =>
        {
            var i = containers.FindIndex(c => c.Name == desired.Name);
            var inspect = i < 0 ? await InspectAsync(docker, desired.Name, ct)
                : containers[i].Hash == desired.Hash ? await InspectAsync(docker, containers[i].Id, ct)
                : null;
            return (Desired: desired, Index: i, Inspect: inspect);
        }));
        foreach (var (desired, i, inspect) in looked)
        {
            if (i < 0 && inspect is { } foreign)
            {
                containers.Add(new ObservedContainer(
                    foreign.ID, desired.Name, DockerStates.From(foreign.State?.Status), null, DockerObserver.Labels(foreign.Config?.Labels))
                {
                    Drift = $"replaced by hand: a container of this name without {stamp.Tenant}'s labels (image {foreign.Config?.Image})",
                });
            }
            else if (i >= 0 && inspect is { } live)
            {
                var boosted = boostNanoCpus > desired.Spec.NanoCpus && desired.Spec.NanoCpus > 0 && live.HostConfig?.NanoCPUs == boostNanoCpus;
                if (Differences(desired.Spec, live, boosted) is { } drift)
                {
                    containers[i] = containers[i] with { Drift = drift };
                }
                else if (boosted)
                {
                    leftBoosted?.Add(new BoostedContainer(live.ID, desired.Name, desired.Spec.NanoCpus, ContainerParameters.CpuShares(desired.Spec)));
                }
            }
        }

        return observed with { Containers = containers };
    }

    private static string? Differences(ContainerSpec spec, ContainerInspectResponse live, bool leftBoosted)
    {
        var image = live.Config?.Image ?? "";
        if (image != spec.Image)
        {
            return $"image swapped: it runs {image}, its template says {spec.Image}";
        }

        // Detached by hand (`docker network disconnect`): an entry off its edge network is unreachable, a database off its
        // tenant's network unreachable for its app; nothing else shows it (the labels and hash are unchanged).
        var attached = live.NetworkSettings?.Networks?.Keys.ToHashSet(StringComparer.Ordinal) ?? [];
        var detached = spec.Networks.Select(n => n.Network).Where(n => !attached.Contains(n)).ToList();
        if (detached.Count > 0)
        {
            return $"detached by hand from network{(detached.Count > 1 ? "s" : "")} {string.Join(", ", detached)}";
        }

        var host = live.HostConfig ?? new HostConfig();
        var limits = new List<string>();
        if (host.NanoCPUs != spec.NanoCpus && !leftBoosted)
        {
            limits.Add($"cpus {Cpus(host.NanoCPUs)} (size: {Cpus(spec.NanoCpus)})");
        }

        if (host.Memory != spec.MemoryBytes)
        {
            limits.Add($"memory {Memory(host.Memory)} (size: {Memory(spec.MemoryBytes)})");
        }

        // An engine without the pids controller drops the limit (0 or none): that is the engine, not a hand.
        if (host.PidsLimit is > 0 && host.PidsLimit != spec.Security.PidsLimit)
        {
            limits.Add($"pids {host.PidsLimit?.ToString(CultureInfo.InvariantCulture) ?? "none"} (template: {spec.Security.PidsLimit.ToString(CultureInfo.InvariantCulture)})");
        }

        return limits.Count == 0 ? null : $"limits changed by hand: {string.Join(", ", limits)}";
    }

    private static string Cpus(long nano) => nano == 0 ? "none" : (nano / 1e9).ToString("0.##", CultureInfo.InvariantCulture);

    private static string Memory(long bytes) => bytes == 0 ? "none" : Units.Bytes(bytes);

    private static async Task<ContainerInspectResponse?> InspectAsync(IDockerClient docker, string idOrName, CancellationToken ct)
    {
        try
        {
            return await docker.Containers.InspectContainerAsync(idOrName, ct);
        }
        catch (Exception e) when (EngineErrorMapping.IsNotFound(e))
        {
            return null;
        }
    }
}
