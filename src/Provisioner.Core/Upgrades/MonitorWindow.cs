using Provisioner.Core.Health;
using Provisioner.Core.Templates;

namespace Provisioner.Core.Upgrades;

/// <summary>
/// After the health gate: the tenant must stay healthy for a while. Polls the non-journey checks (a journey writes data)
/// and fails if the entry container stops or restarts, even if it comes back (a crash loop can look healthy between crashes).
/// </summary>
public sealed class MonitorWindow(HealthGate health, TimeProvider time)
{
    /// <summary>Null when the tenant stayed healthy; otherwise why not and the check that failed.</summary>
    public async Task<(string Reason, string? Check)?> WatchAsync(ProbeTarget target, ProductTemplate template, UpgradeSettings settings, CancellationToken ct)
    {
        if (settings.MonitorWindow <= TimeSpan.Zero)
        {
            return null;
        }

        // The entry's container is watched for stops and restarts only where the backend shows one (Docker); elsewhere
        // (an ECS service) the platform replaces failing tasks itself and the checks below are the signal.
        var name = template.Entry?.Name;
        var observed = name is null ? null : await EntryAsync(target, name, ct);
        var entry = observed is { Kind: not "container" } ? null : name;
        var startedAt = observed?.StartedAt;
        var checks = template.AllChecks.Where(c => c is not JourneyCheckSpec).ToList();
        var start = time.GetTimestamp();
        while (time.GetElapsedTime(start) < settings.MonitorWindow)
        {
            await Task.Delay(settings.MonitorInterval, time, ct);
            var seconds = $"{time.GetElapsedTime(start).TotalSeconds:0.0} s";
            if (entry is not null)
            {
                var component = await EntryAsync(target, entry, ct) is { Kind: "container" } c ? c : null;
                if (component is null || component.State != "running")
                {
                    return ($"{entry} stopped {seconds} into the monitor window ({component?.Status ?? "gone"})", $"{entry}:running");
                }

                if (component.StartedAt != startedAt)
                {
                    return ($"{entry} restarted {seconds} into the monitor window (it crashed after passing the health gate)", $"{entry}:running");
                }
            }

            var report = await health.CheckOnceAsync(target, checks, ct);
            if (!report.Passed)
            {
                var failing = report.FailingCheck;
                return ($"unhealthy {seconds} into the monitor window: {failing?.Name}: {failing?.Output}", failing?.Name);
            }
        }

        return null;
    }

    private static async Task<Backends.ComponentObservation?> EntryAsync(ProbeTarget target, string entry, CancellationToken ct) =>
        (await target.Backend.ObserveAsync(target.Tenant, ct)).Components.FirstOrDefault(c => c.Component == entry);
}
