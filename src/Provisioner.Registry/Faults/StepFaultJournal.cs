using System.Collections.Concurrent;
using Provisioner.Core.Tenants;

namespace Provisioner.Registry.Faults;

/// <summary>
/// The journal with <see cref="StepFaults"/> at each boundary: after an operation begins, after a step is recorded
/// (before its work), after a step is ended (its work done), before an operation is ended and after.
/// </summary>
internal sealed class StepFaultJournal(IOperationJournal inner, StepFaults faults) : IOperationJournal
{
    private readonly ConcurrentDictionary<long, string> _operations = new();
    private readonly ConcurrentDictionary<long, string> _steps = new();

    public async Task<long> BeginAsync(string tenant, string kind, string detail, CancellationToken ct = default)
    {
        var id = await inner.BeginAsync(tenant, kind, detail, ct);
        _operations[id] = kind;
        faults.Boundary($"begun {kind} {tenant}");
        return id;
    }

    public async Task<long> StepAsync(long operationId, string step, string detail, CancellationToken ct = default)
    {
        var id = await inner.StepAsync(operationId, step, detail, ct);
        // A change's detail says which resource ("create network t-acme-edge (missing)"): more telling than its step name.
        var label = detail.StartsWith(step, StringComparison.OrdinalIgnoreCase) ? detail : step;
        _steps[id] = label;
        faults.Boundary($"before {label}");
        return id;
    }

    public async Task EndStepAsync(long stepId, string status, string? detail = null, CancellationToken ct = default)
    {
        await inner.EndStepAsync(stepId, status, detail, ct);
        faults.Boundary($"after {_steps.GetValueOrDefault(stepId, "step")} ({status})");
    }

    public async Task EndAsync(long operationId, string status, string? error = null, CancellationToken ct = default)
    {
        var kind = _operations.GetValueOrDefault(operationId, "operation");
        faults.Boundary($"ending {kind} ({status})");
        await inner.EndAsync(operationId, status, error, ct);
        faults.Boundary($"ended {kind} ({status})");
    }

    public Task<int> MarkInterruptedAsync(string tenant, CancellationToken ct = default) => inner.MarkInterruptedAsync(tenant, ct);

    public Task<IReadOnlyList<OperationRecord>> ListAsync(string? tenant, int limit, CancellationToken ct = default) => inner.ListAsync(tenant, limit, ct);
}
