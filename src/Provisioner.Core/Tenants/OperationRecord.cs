namespace Provisioner.Core.Tenants;

/// <summary>One journaled operation (provision, destroy, ...) and its outcome.</summary>
public sealed record OperationRecord(
    long Id, string Tenant, string Kind, string Status, string Detail, int Pid, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, string? Error,
    IReadOnlyList<OperationStep> Steps);
