using System.Collections.Concurrent;

namespace Provisioner.Cli.Tests.Support.FaultProxy;

/// <summary>What one proxy saw: calls, faults by kind, and non-idempotent calls the client sent again right after a fault.</summary>
public sealed class EngineFaultStats
{
    private readonly ConcurrentDictionary<EngineFault, int> _faults = new();
    private int _calls;
    private int _retriedNonIdempotent;

    public int Calls => _calls;

    public int Faults => _faults.Where(f => f.Key != EngineFault.None).Sum(f => f.Value);

    /// <summary>A POST, PUT or DELETE (but an exec's create, which checks poll with) that arrived again, identical (method, path, body), within 500 ms of a fault on it.</summary>
    public int RetriedNonIdempotent => _retriedNonIdempotent;

    public int Of(EngineFault kind) => _faults.GetValueOrDefault(kind);

    internal void Record(EngineFault fault)
    {
        Interlocked.Increment(ref _calls);
        _faults.AddOrUpdate(fault, 1, (_, n) => n + 1);
    }

    /// <summary>Each non-idempotent call sent again after a fault: method, path, the fault and how long before.</summary>
    public ConcurrentQueue<string> Retried { get; } = new();

    internal void RecordRetry(string call)
    {
        Interlocked.Increment(ref _retriedNonIdempotent);
        Retried.Enqueue(call);
    }

    public override string ToString() =>
        $"{Calls} calls, {Faults} faults ({Of(EngineFault.Error500)} × 500, {Of(EngineFault.Reset)} resets, {Of(EngineFault.Delay)} delays, " +
        $"{Of(EngineFault.Truncate)} truncated), {RetriedNonIdempotent} non-idempotent calls sent again after a fault";
}
