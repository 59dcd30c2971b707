using Provisioner.Core.Errors;
using Provisioner.Registry.Sqlite;

namespace Provisioner;

/// <summary>
/// The SQLite registry's faults that surface while an operation runs (the registry maps those of opening its file): busy,
/// damaged or full, as the one-line errors the registry gives for them. For a host's last-chance error handler.
/// </summary>
public static class RegistryFaults
{
    /// <summary>The error for the first SQLite fault in <paramref name="e"/> or its inner exceptions (the registry file in <paramref name="home"/>); null if there is none.</summary>
    public static ProvisionerException? Map(Exception e, string home) =>
        e is ProvisionerException ? null : SqliteFaults.Map(e, Path.Combine(home, "registry.db"));
}
