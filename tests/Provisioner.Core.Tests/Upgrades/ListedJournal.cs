using Provisioner.Core.Tenants;

namespace Provisioner.Core.Tests.Upgrades;

/// <summary>A read-only journal holding the given operations (newest first per tenant, as the registry lists them).</summary>
internal sealed class ListedJournal(params OperationRecord[] operations) : IOperationJournal
{
    public Task<IReadOnlyList<OperationRecord>> ListAsync(string? tenant, int limit, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<OperationRecord>>(
            operations.Where(o => tenant is null || o.Tenant == tenant).OrderByDescending(o => o.Id).Take(limit).ToList());

    public Task<long> BeginAsync(string tenant, string kind, string detail, CancellationToken ct = default) => throw new NotSupportedException();

    public Task<long> StepAsync(long operationId, string step, string detail, CancellationToken ct = default) => throw new NotSupportedException();

    public Task EndStepAsync(long stepId, string status, string? detail = null, CancellationToken ct = default) => throw new NotSupportedException();

    public Task EndAsync(long operationId, string status, string? error = null, CancellationToken ct = default) => throw new NotSupportedException();

    public Task<int> MarkInterruptedAsync(string tenant, CancellationToken ct = default) => throw new NotSupportedException();
}
