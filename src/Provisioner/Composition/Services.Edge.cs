using Provisioner.Core.Backends;
using Provisioner.Core.Edge;
using Provisioner.Core.Errors;
using Provisioner.Docker.Edge;

namespace Provisioner.Composition;

/// <summary>
/// The edge proxies, for <c>provision edge ca|sync|remove</c>: the Docker engine's, or the Swarm cluster's (on its manager),
/// chosen like a new tenant's backend (<c>--backend</c>, else the default).
/// </summary>
internal sealed partial class Services
{
    /// <summary>The edge <paramref name="backend"/>'s tenants are behind (null: the default backend's); null when it has none or the edge is off.</summary>
    public EdgeOptions? EdgeFor(string? backend) => OptionsFor(EdgeBackend(backend)).Edge;

    public async Task<string> EdgeCaFileAsync(string? backend, CancellationToken ct)
    {
        var (edge, proxy) = EdgeOrRefuse(backend);
        if (edge.Certificate is { CaFile: null } certificate)
        {
            throw new ProvisionerException(
                $"the edge proxy {edge.Name} serves the operator's certificate {certificate.CertificateFile}, checked against the system's trust: there is no CA file",
                hint: "clients trust it as any site's certificate; to check it against a private root, set edge.ca in provisioner.yaml");
        }

        return await proxy.CaFileAsync(ct)
            ?? throw new ProvisionerException(
                $"the edge proxy {edge.Name} has no CA yet (it makes one when its first tenant is provisioned)",
                hint: "provision a tenant with the edge on, or run `provision edge sync`, then ask again");
    }

    public async Task<int> SyncEdgeAsync(string? backend, CancellationToken ct) => (await EdgeOrRefuse(backend).Proxy.ConvergeAsync(ct, reload: true)).Routes;

    /// <summary>
    /// Removes the edge once no tenant is behind it. The engine's is also forgotten in the home (<see cref="RecordedEdge"/>),
    /// unless tenants on the cluster are still behind the cluster's edge, whose name and domain are derived from it.
    /// </summary>
    public async Task<bool> RemoveEdgeAsync(string? backend, CancellationToken ct)
    {
        var (edge, proxy) = EdgeOrRefuse(backend);
        var removed = await proxy.RemoveAsync(ct);
        if (EdgeBackend(backend) == DockerParts.Kind && !await BehindTheClusterEdgeAsync(ct))
        {
            RecordedEdge.Forget(Settings.Home, edge.Name);
        }

        return removed;
    }

    /// <summary>Whether the registry records a tenant on the cluster that is behind its edge (no port of its own, not destroyed).</summary>
    private async Task<bool> BehindTheClusterEdgeAsync(CancellationToken ct) =>
        (await Registry.ListAsync(ct)).Any(t => t.Backend == SwarmParts.Kind && t.HostPort is null && t.Status != Core.Tenants.TenantStatus.Destroyed);

    private BackendKind EdgeBackend(string? backend) => backend is null ? Backends.Default : Backends.Parse(backend);

    private (EdgeOptions Edge, EdgeProxy Proxy) EdgeOrRefuse(string? backend)
    {
        var kind = EdgeBackend(backend);
        if (kind != DockerParts.Kind && kind != SwarmParts.Kind)
        {
            throw new BadInputException($"tenants on {kind} have no edge proxy (their load balancer is their front door)", "use --backend docker or --backend swarm");
        }

        var edge = OptionsFor(kind).Edge ?? throw (Settings.EdgeOff
            ? new BadInputException("the edge proxy is turned off for this run (PROVISIONER_EDGE=off, or edge: { enabled: false } in provisioner.yaml)", "run it without them")
            : new BadInputException("the edge proxy is off", "turn it on with edge: { domain: tenants.test, port: 8443 } in provisioner.yaml (or PROVISIONER_EDGE_DOMAIN)"));
        return (edge, kind == SwarmParts.Kind ? _swarm.Value.Backend.Edge! : _docker.Value.Edge!);
    }
}
