using Provisioner.Core.Health;
using Provisioner.Core.Reconcile;
using Provisioner.Core.Tenants;

namespace Provisioner.Core.Provisioning;

/// <summary>What a provision did: the tenant as recorded, the changes made (or planned, on a dry run) and the health gate's report.</summary>
public sealed record ProvisionResult(
    TenantRecord Tenant,
    IReadOnlyList<PlannedChange> Changes,
    HealthReport? Health,
    bool DryRun,
    string? LogTail,
    TimeSpan Elapsed);
