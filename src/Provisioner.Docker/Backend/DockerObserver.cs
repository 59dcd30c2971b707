using System.Collections.ObjectModel;
using Docker.DotNet;
using Docker.DotNet.Models;
using Provisioner.Core.Reconcile;
using Provisioner.Core.Stamps;
using Provisioner.Docker.Engine;

namespace Provisioner.Docker.Backend;

/// <summary>Reads what exists for a tenant: one label-filtered list per resource kind.</summary>
internal static class DockerObserver
{
    private static readonly IReadOnlyDictionary<string, string> NoLabels = ReadOnlyDictionary<string, string>.Empty;

    public static async Task<ObservedState> ObserveAsync(IDockerClient docker, string tenant, CancellationToken ct)
    {
        var filter = EngineFilters.Label(StampLabels.TenantFilter(tenant));
        var networks = docker.Networks.ListNetworksAsync(new NetworksListParameters { Filters = filter }, ct);
        var volumes = docker.Volumes.ListAsync(new VolumesListParameters { Filters = filter }, ct);
        var containers = docker.Containers.ListContainersAsync(new ContainersListParameters { All = true, Filters = filter }, ct);
        await Task.WhenAll(networks, volumes, containers);
        return new ObservedState(
            (await networks).Select(n => new ObservedResource(n.Name, Labels(n.Labels))).ToList(),
            ((await volumes).Volumes ?? []).Select(v => new ObservedResource(v.Name, Labels(v.Labels))).ToList(),
            (await containers).Select(c => new ObservedContainer(c.ID, Name(c), DockerStates.From(c.State), DockerStates.ExitCodeFromStatus(c.Status), Labels(c.Labels))).ToList());
    }

    /// <summary>The first name without its leading slash (the engine lists <c>/t-acme-db</c>).</summary>
    public static string Name(ContainerListResponse c) => c.Names is { Count: > 0 } names ? names[0].TrimStart('/') : "";

    /// <summary>Labels as the engine sent them; empty (never null) when it sent none.</summary>
    public static IReadOnlyDictionary<string, string> Labels(IDictionary<string, string>? labels) =>
        labels is null ? NoLabels : new Dictionary<string, string>(labels, StringComparer.Ordinal);
}
