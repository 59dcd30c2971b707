using System.Globalization;
using Provisioner.Core.Backends;
using Provisioner.Core.Stamps;
using Provisioner.Docker.Engine;

namespace Provisioner.Docker.Backend;

/// <summary>Builds the live view of a tenant for <c>status</c>: each container inspected for state, limits and published port.</summary>
internal static class DockerStatusReader
{
    public static async Task<TenantObservation> ReadAsync(IDockerClient docker, string tenant, CancellationToken ct)
    {
        var observed = await DockerObserver.ObserveAsync(docker, tenant, ct);
        var components = new List<ComponentObservation>();
        foreach (var c in observed.Containers.OrderBy(c => c.Name, StringComparer.Ordinal))
        {
            ContainerInspect inspect;
            try
            {
                inspect = await docker.Containers.InspectAsync(c.Id, ct);
            }
            catch (DockerNotFoundException)
            {
                continue;
            }

            var published = inspect.NetworkSettings.Ports?
                .SelectMany(p => p.Value ?? [])
                .Select(b => $"{b.HostIp}:{b.HostPort}")
                .FirstOrDefault();
            components.Add(new ComponentObservation(
                c.Labels.GetValueOrDefault(StampLabels.Component, c.Name),
                c.Name,
                c.Labels.GetValueOrDefault(StampLabels.Kind, "container"),
                inspect.State.Status,
                inspect.Config.Image,
                c.Template,
                Describe(inspect.State),
                inspect.State.Running ? inspect.State.StartedAt : null,
                inspect.HostConfig.NanoCpus > 0 ? inspect.HostConfig.NanoCpus / 1e9 : null,
                inspect.HostConfig.Memory > 0 ? inspect.HostConfig.Memory : null,
                published));
        }

        return new TenantObservation(tenant, components, observed.Networks.Select(n => n.Name).ToList(), observed.Volumes.Select(v => v.Name).ToList());
    }

    private static string Describe(ContainerState s) => s.Status switch
    {
        "exited" => $"exited ({s.ExitCode.ToString(CultureInfo.InvariantCulture)}){(s.OomKilled ? ", OOM-killed" : "")}",
        _ => s.Status,
    };
}
