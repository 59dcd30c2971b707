using Provisioner.Core.Errors;

namespace Provisioner.Core.Maintenance;

/// <summary><c>provision freeze</c> / <c>unfreeze</c>, and the gate every change passes: refused while the fleet is frozen, unless forced.</summary>
internal sealed class FleetFreezer(IFleetFreezeStore store, TimeProvider time)
{
    public async Task<FleetFreeze> FreezeAsync(DateTimeOffset until, string reason, string by, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var errors = new List<string>();
        if (until <= now)
        {
            errors.Add($"--until {WindowText.Instant(until)} is not in the future (now {WindowText.Instant(now)})");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            errors.Add("--reason is empty");
        }

        if (errors.Count > 0)
        {
            throw new BadInputException(string.Join("; ", errors), "e.g. `provision freeze --until 2026-12-24T00:00Z --reason \"holiday\"`");
        }

        var freeze = new FleetFreeze(until.ToUniversalTime(), reason.Trim(), by, now);
        await store.SetAsync(freeze, ct);
        return freeze;
    }

    /// <summary>Lifts the freeze; returns the one that held (null when the fleet was not frozen).</summary>
    public async Task<FleetFreeze?> UnfreezeAsync(CancellationToken ct)
    {
        var active = await ActiveAsync(ct);
        await store.ClearAsync(ct);
        return active;
    }

    /// <summary>The freeze in force now, if any (one whose end has passed is none).</summary>
    public async Task<FleetFreeze?> ActiveAsync(CancellationToken ct) =>
        await store.GetAsync(ct) is { } freeze && freeze.IsActiveAt(time.GetUtcNow()) ? freeze : null;

    /// <summary>
    /// Throws <see cref="FleetFrozenException"/> when the fleet is frozen and <paramref name="force"/> is off; returns the
    /// freeze a forced command passed (null when there was none).
    /// </summary>
    public async Task<FleetFreeze?> EnsureMayChangeAsync(string command, bool force, CancellationToken ct)
    {
        var active = await ActiveAsync(ct);
        return active is null || force ? active : throw new FleetFrozenException(command, active);
    }
}
