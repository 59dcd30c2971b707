using Microsoft.Extensions.Logging;
using Provisioner.Core.Backends;
using Provisioner.Core.Errors;
using Provisioner.Core.Tenants;

namespace Provisioner.Core.Hosts;

/// <summary>
/// <c>provision host drain NODE</c>: the node is paused first (no new work lands on it), then every tenant whose data it
/// holds is moved to another node with its data (<see cref="TenantMover"/>), one at a time, in name order; when all have
/// moved the node is drained (its stateless work moves too). The first failure stops the drain and leaves the node paused:
/// a rerun skips the tenants already moved and finishes an interrupted one from its backup.
/// </summary>
internal sealed class HostDrainer(
    ITenantRegistry registry,
    TenantMover mover,
    BackendKind kind,
    Func<string, CancellationToken, Task> pause,
    Func<string, CancellationToken, Task> drain,
    TimeProvider time,
    ILogger<HostDrainer> log)
{
    public async Task<HostDrainResult> DrainAsync(string host, IProgress<string>? progress, CancellationToken ct)
    {
        var start = time.GetTimestamp();
        await pause(host, ct);
        var records = (await registry.ListAsync(ct)).Where(t => t.Backend == kind && t.Status != TenantStatus.Destroyed).ToList();
        var switched = await SwitchedWhenKilledAsync(host, ct);
        var tenants = records
            .Where(t => t.Host == host || switched.Contains(t.Name))
            .Select(t => t.Name).Order(StringComparer.Ordinal).ToList();
        log.LogInformation("Draining {Host}: {Count} tenant(s) hold data there", host, tenants.Count);
        var moves = new List<TenantMove>();
        foreach (var (name, i) in tenants.Select((n, i) => (n, i + 1)))
        {
            progress?.Report($"== {name} ({i} of {tenants.Count}): its data off {host}");
            try
            {
                moves.Add(await mover.MoveAsync(name, host, progress, ct));
            }
            catch (ProvisionerException e)
            {
                log.LogError("Draining {Host} stopped at {Tenant}: {Error}", host, name, e.Message);
                moves.Add(new TenantMove(name, host, null, TenantMove.Failed, Empty, Empty, null, TimeSpan.Zero, TimeSpan.Zero, e.Message + (e.Hint is { } h ? $" ({h})" : "")));
                break;
            }
        }

        var drained = moves.Count == tenants.Count && moves.All(m => m.Outcome != TenantMove.Failed);
        if (drained)
        {
            await drain(host, ct);
        }

        return new HostDrainResult(host, moves, drained, time.GetElapsedTime(start));
    }

    /// <summary>
    /// Tenants whose move off <paramref name="host"/> never ended (its process was killed after the switch, before its old
    /// copy went): recorded on their new node, with their old volumes still here; the mover removes that copy. Among the
    /// journal's newest <see cref="RecentOperations"/> operations of the fleet.
    /// </summary>
    private async Task<HashSet<string>> SwitchedWhenKilledAsync(string host, CancellationToken ct) =>
        (await registry.Journal.ListAsync(null, RecentOperations, ct))
            .Where(o => MoveJournalNames.NeverEnded(o, host))
            .Select(o => o.Tenant).ToHashSet(StringComparer.Ordinal);

    private const int RecentOperations = 1000;

    private static readonly IReadOnlyDictionary<string, string> Empty = new Dictionary<string, string>();
}
