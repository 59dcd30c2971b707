namespace Provisioner.Core.Tenants;

/// <summary>Records every mutation: an operation and its steps, each written before it is done.</summary>
public interface IOperationJournal
{
    Task<long> BeginAsync(string tenant, string kind, string detail, CancellationToken ct = default);

    Task<long> StepAsync(long operationId, string step, string detail, CancellationToken ct = default);

    Task EndStepAsync(long stepId, string status, string? detail = null, CancellationToken ct = default);

    Task EndAsync(long operationId, string status, string? error = null, CancellationToken ct = default);

    /// <summary>Operations still marked running whose process is gone become <c>interrupted</c>; returns how many.</summary>
    Task<int> MarkInterruptedAsync(string tenant, CancellationToken ct = default);

    Task<IReadOnlyList<OperationRecord>> ListAsync(string? tenant, int limit, CancellationToken ct = default);
}
