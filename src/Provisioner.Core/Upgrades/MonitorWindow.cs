using Provisioner.Core.Backends;
using Provisioner.Core.Health;
using Provisioner.Core.Templates;

namespace Provisioner.Core.Upgrades;

/// <summary>
/// After the health gate: the tenant must stay healthy for a while. Polls the checks that write nothing (a journey writes
/// data) and fails if any long-running component stops or restarts, even if it comes back (a crash loop can look healthy
/// between crashes; a worker's heartbeat can outlive it for a while).
/// </summary>
internal sealed class MonitorWindow(HealthGate health, TimeProvider time)
{
    /// <summary>Null when the tenant stayed healthy; otherwise why not and the check that failed.</summary>
    public async Task<(string Reason, string? Check)?> WatchAsync(ProbeTarget target, ProductTemplate template, UpgradeSettings settings, CancellationToken ct)
    {
        if (settings.MonitorWindow <= TimeSpan.Zero)
        {
            return null;
        }

        // Components are watched for stops and restarts only where the backend shows them as services of its own (a
        // container); elsewhere (an ECS service) the platform replaces failing tasks itself and the checks are the signal.
        var names = template.Components.Select(c => c.Name).ToHashSet();
        var watched = (await WatchedAsync(target, names, ct)).ToDictionary(c => c.Component, c => c.StartedAt);
        var checks = template.AllChecks.Where(c => !c.Writes).ToList();
        var start = time.GetTimestamp();
        while (time.GetElapsedTime(start) < settings.MonitorWindow)
        {
            await Task.Delay(settings.MonitorInterval, time, ct);
            var seconds = $"{time.GetElapsedTime(start).TotalSeconds:0.0} s";
            if (watched.Count > 0)
            {
                var now = (await WatchedAsync(target, names, ct)).ToDictionary(c => c.Component);
                foreach (var (component, startedAt) in watched)
                {
                    var current = now.GetValueOrDefault(component);
                    if (current is null || !current.IsRunning)
                    {
                        return ($"{component} stopped {seconds} into the monitor window ({current?.Status ?? "gone"})", $"{component}:running");
                    }

                    if (current.StartedAt != startedAt)
                    {
                        return ($"{component} restarted {seconds} into the monitor window (it crashed after passing the health gate)", $"{component}:running");
                    }
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

    private static async Task<IEnumerable<ComponentObservation>> WatchedAsync(ProbeTarget target, IReadOnlySet<string> names, CancellationToken ct) =>
        (await target.Backend.ObserveAsync(target.Tenant, ct)).Components.Where(c => c.Kind == WorkloadKind.Service && names.Contains(c.Component));
}
