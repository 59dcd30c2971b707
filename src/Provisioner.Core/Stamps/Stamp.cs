using Provisioner.Core.Templates;

namespace Provisioner.Core.Stamps;

/// <summary>
/// A tenant's desired state: every resource, with deterministic names and labels. Built by <see cref="StampBuilder"/>,
/// a pure function of template, tenant, size and allocated port. Holds secret names, never secret values.
/// </summary>
public sealed record Stamp(
    string Tenant,
    ProductTemplate Template,
    SizeSpec Size,
    IReadOnlyList<NetworkResource> Networks,
    IReadOnlyList<VolumeResource> Volumes,
    IReadOnlyList<ContainerResource> Containers,
    IReadOnlyList<JobResource> Jobs,
    Uri? Endpoint)
{
    /// <summary>
    /// The host the tenant is placed on, for a backend over several hosts (<see cref="Backends.IMultiHostBackend"/>), which
    /// keeps its data components there; null for a single-host backend. Not part of any hash: moving is the backend's call.
    /// </summary>
    public string? Host { get; init; }

    public ContainerResource Container(string component) =>
        Containers.FirstOrDefault(c => c.Component == component)
        ?? throw new KeyNotFoundException($"stamp for {Tenant} has no component '{component}'");
}
