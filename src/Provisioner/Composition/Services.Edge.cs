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

    public Task<int> SyncEdgeAsync(CancellationToken ct)
    {
        EdgeOrRefuse();
        return _docker.Value.Edge!.ConvergeAsync(ct);
    }

    public Task<bool> RemoveEdgeAsync(CancellationToken ct)
    {
        EdgeOrRefuse();
        return _docker.Value.Edge!.RemoveAsync(ct);
    }

    private EdgeOptions EdgeOrRefuse() => Options.Edge
        ?? throw new BadInputException("the edge proxy is off", "turn it on with edge: { domain: tenants.test, port: 8443 } in provisioner.yaml (or PROVISIONER_EDGE_DOMAIN)");
}
