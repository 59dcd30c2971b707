using Provisioner.Core.Backends;
using Provisioner.Core.Health;
using Provisioner.Core.Tenants;

namespace Provisioner.Core.Provisioning;

/// <summary><c>provision status</c>: the registry's record, what runs now, and each check's live result.</summary>
public sealed record TenantStatusReport(TenantRecord? Tenant, TenantObservation Observation, HealthReport? Health, IReadOnlyList<OperationRecord> RecentOperations)
{
    /// <summary>Healthy when every check passed now, or when nothing is expected to run (a destroyed tenant).</summary>
    public bool Healthy => Health?.Passed ?? Tenant?.Status == TenantStatus.Destroyed;

    /// <summary>The template's components that are not on the backend while others are (removed from under the tenant).</summary>
    public IReadOnlyList<string> Missing { get; init; } = [];
}
