using Provisioner.Core.Edge;
using Provisioner.Core.Errors;

namespace Provisioner.Composition;

/// <summary>The edge proxy of the Docker backend, for <c>provision edge ca</c> and <c>provision edge sync</c>.</summary>
internal sealed partial class Services
{
    public async Task<string> EdgeCaFileAsync(CancellationToken ct)
    {
        var edge = EdgeOrRefuse();
        if (edge.Certificate is { CaFile: null } certificate)
        {
            throw new ProvisionerException(
                $"the edge proxy {edge.Name} serves the operator's certificate {certificate.CertificateFile}, checked against the system's trust: there is no CA file",
                hint: "clients trust it as any site's certificate; to check it against a private root, set edge.ca in provisioner.yaml");
        }

        return await _docker.Value.Edge!.CaFileAsync(ct)
            ?? throw new ProvisionerException(
                $"the edge proxy {edge.Name} has no CA yet (it makes one when its first tenant is provisioned)",
                hint: "provision a tenant with the edge on, or run `provision edge sync`, then ask again");
    }

    public async Task<int> SyncEdgeAsync(CancellationToken ct)
    {
        EdgeOrRefuse();
        return (await _docker.Value.Edge!.ConvergeAsync(ct, reload: true)).Routes;
    }

    /// <summary>Removes the edge once no tenant is behind it, and forgets it in the home (<see cref="RecordedEdge"/>).</summary>
    public async Task<bool> RemoveEdgeAsync(CancellationToken ct)
    {
        var edge = EdgeOrRefuse();
        var removed = await _docker.Value.Edge!.RemoveAsync(ct);
        RecordedEdge.Forget(Settings.Home, edge.Name);
        return removed;
    }

    private EdgeOptions EdgeOrRefuse() => Options.Edge
        ?? throw (Settings.EdgeOff
            ? new BadInputException("the edge proxy is turned off for this run (PROVISIONER_EDGE=off, or edge: { enabled: false } in provisioner.yaml)", "run it without them")
            : new BadInputException("the edge proxy is off", "turn it on with edge: { domain: tenants.test, port: 8443 } in provisioner.yaml (or PROVISIONER_EDGE_DOMAIN)"));
}
