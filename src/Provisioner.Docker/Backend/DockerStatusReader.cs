using System.Globalization;
using Docker.DotNet;
using Docker.DotNet.Models;
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
        var containers = observed.Containers.OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
        var inspected = await Task.WhenAll(containers.Select(c => InspectAsync(docker, c.Id, ct))); // at once: one round trip's wait, not one per container
        foreach (var (c, found) in containers.Zip(inspected))
        {
            if (found is not { } inspect)
            {
                continue; // removed since the list
            }

            var state = inspect.State ?? new State();
            var limits = inspect.HostConfig ?? new HostConfig();
            var published = inspect.NetworkSettings?.Ports?
                .SelectMany(p => p.Value ?? [])
                .Select(b => $"{b.HostIP}:{b.HostPort}")
                .FirstOrDefault();
            // A quiet upgrade's second container of a component (NAME-next, NAME-old) is shown under its own name
            // (app-old), so each component is observed once.
            var component = c.Labels.GetValueOrDefault(StampLabels.Component, c.Name);
            var prefix = StampNames.Container(tenant, "");
            if (c.Name != StampNames.Container(tenant, component) && c.Name.StartsWith(prefix, StringComparison.Ordinal))
            {
                component = c.Name[prefix.Length..];
            }

            components.Add(new ComponentObservation(
                component,
                c.Name,
                c.Labels.GetValueOrDefault(StampLabels.Kind) == "job" ? WorkloadKind.Job : WorkloadKind.Service,
                DockerStates.From(state.Status),
                inspect.Config?.Image ?? "",
                c.Template,
                Describe(state),
                state.Running ? Timestamp(state.StartedAt) : null,
                limits.NanoCPUs > 0 ? limits.NanoCPUs / 1e9 : null,
                limits.Memory > 0 ? limits.Memory : null,
                published));
        }

        return new TenantObservation(tenant, components, observed.Networks.Select(n => n.Name).Order(StringComparer.Ordinal).ToList(), observed.Volumes.Select(v => v.Name).Order(StringComparer.Ordinal).ToList());
    }

    private static async Task<ContainerInspectResponse?> InspectAsync(IDockerClient docker, string id, CancellationToken ct)
    {
        try
        {
            return await docker.Containers.InspectContainerAsync(id, ct);
        }
        catch (Exception e) when (EngineErrorMapping.IsNotFound(e))
        {
            return null;
        }
    }

    private static string Describe(State s) => s.Status switch
    {
        "exited" => $"exited ({s.ExitCode.ToString(CultureInfo.InvariantCulture)}){(s.OOMKilled ? ", OOM-killed" : "")}",
        _ => s.Status,
    };

    /// <summary>The engine's RFC 3339 time (nanoseconds, UTC), which the model leaves a string.</summary>
    private static DateTimeOffset? Timestamp(string? value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;
}
