using Provisioner.Core.Tenants;

namespace Provisioner.Core.Tests.Fakes;

/// <summary>
/// The operation journal in memory, behaving like the registry's: ids shared by operations and steps, newest first when
/// listed, and <see cref="MarkInterruptedAsync"/> turning running operations of other (dead) processes into interrupted ones.
/// </summary>
internal sealed class InMemoryJournal(TimeProvider time) : IOperationJournal
{
    /// <summary>The pid an operation <see cref="Seed"/>ed by a test was "started" by: no such process is alive.</summary>
    public const int DeadPid = 0;

    private readonly List<OperationRecord> _operations = [];
    private readonly Lock _gate = new();
    private long _lastId;

    public IReadOnlyList<OperationRecord> Operations
    {
        get
        {
            lock (_gate)
            {
                return _operations.ToList();
            }
        }
    }

    public OperationRecord Operation(long id) => Operations.Single(o => o.Id == id);

    /// <summary>An operation another process left behind (by default still marked running: that process died).</summary>
    public long Seed(string tenant, string kind, string detail, string status = JournalStatus.Running, string? error = null, params (string Name, string Status)[] steps) =>
        Seed(tenant, kind, detail, status, error, steps.Select(s => (s.Name, s.Status, s.Name)).ToArray());

    /// <summary>As <see cref="Seed(string, string, string, string, string?, (string Name, string Status)[])"/>, with each step's detail (an upgrade's backup folder, say).</summary>
    public long Seed(string tenant, string kind, string detail, string status, string? error, (string Name, string Status, string Detail)[] steps)
    {
        lock (_gate)
        {
            var id = ++_lastId;
            var now = time.GetUtcNow();
            var recorded = steps.Select((s, i) => new OperationStep(++_lastId, i + 1, s.Name, s.Status, s.Detail, now, s.Status == JournalStatus.Running ? null : now)).ToList();
            _operations.Add(new OperationRecord(id, tenant, kind, status, detail, DeadPid, now, status == JournalStatus.Running ? null : now, error, recorded));
            return id;
        }
    }

    public Task<long> BeginAsync(string tenant, string kind, string detail, CancellationToken ct = default)
    {
        lock (_gate)
        {
            var id = ++_lastId;
            _operations.Add(new OperationRecord(id, tenant, kind, JournalStatus.Running, detail, Environment.ProcessId, time.GetUtcNow(), null, null, []));
            return Task.FromResult(id);
        }
    }

    public Task<long> StepAsync(long operationId, string step, string detail, CancellationToken ct = default)
    {
        lock (_gate)
        {
            var operation = Find(operationId);
            var id = ++_lastId;
            Replace(operation with { Steps = [.. operation.Steps, new OperationStep(id, operation.Steps.Count + 1, step, JournalStatus.Running, detail, time.GetUtcNow(), null)] });
            return Task.FromResult(id);
        }
    }

    public Task EndStepAsync(long stepId, string status, string? detail = null, CancellationToken ct = default)
    {
        lock (_gate)
        {
            var operation = _operations.Single(o => o.Steps.Any(s => s.Id == stepId));
            var steps = operation.Steps
                .Select(s => s.Id == stepId ? s with { Status = status, Detail = detail ?? s.Detail, FinishedAt = time.GetUtcNow() } : s)
                .ToList();
            Replace(operation with { Steps = steps });
            return Task.CompletedTask;
        }
    }

    public Task EndAsync(long operationId, string status, string? error = null, CancellationToken ct = default)
    {
        lock (_gate)
        {
            Replace(Find(operationId) with { Status = status, Error = error, FinishedAt = time.GetUtcNow() });
            return Task.CompletedTask;
        }
    }

    public Task<int> MarkInterruptedAsync(string tenant, CancellationToken ct = default)
    {
        lock (_gate)
        {
            var dead = _operations.Where(o => o.Tenant == tenant && o.Status == JournalStatus.Running && o.Pid != Environment.ProcessId).ToList();
            dead.ForEach(o => Replace(o with { Status = JournalStatus.Interrupted }));
            return Task.FromResult(dead.Count);
        }
    }

    public Task<IReadOnlyList<OperationRecord>> ListAsync(string? tenant, int limit, CancellationToken ct = default)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<OperationRecord>>(
                _operations.Where(o => tenant is null || o.Tenant == tenant).OrderByDescending(o => o.Id).Take(limit).ToList());
        }
    }

    private OperationRecord Find(long id) => _operations.Single(o => o.Id == id);

    private void Replace(OperationRecord operation) => _operations[_operations.FindIndex(o => o.Id == operation.Id)] = operation;
}
