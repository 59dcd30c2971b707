using Provisioner.Core.Errors;

namespace Provisioner.Registry.Transfer;

/// <summary>The errors an import refuses with (exit 3: they conflict with what the registry already holds; nothing is written).</summary>
internal static class ImportConflicts
{
    public static ProvisionerException ExistingTenants(IReadOnlyList<string> names)
    {
        var shown = string.Join(", ", names.Take(5)) + (names.Count > 5 ? $" and {names.Count - 5} more" : "");
        return new ProvisionerException(
            $"the registry already has {names.Count} of the file's tenants ({shown}); nothing was imported", ExitCodes.Locked,
            "--replace overwrites them with the file's records");
    }

    public static ProvisionerException PortTaken(string tenant, int port, string holder) => new(
        $"tenant {tenant}'s entry port {port} is held by tenant {holder} in this registry; nothing was imported", ExitCodes.Locked,
        "destroy or move one of them first; two tenants of one registry never share a port");
}
