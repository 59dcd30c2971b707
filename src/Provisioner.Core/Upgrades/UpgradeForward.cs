using Provisioner.Core.Backends;
using Provisioner.Core.Health;
using Provisioner.Core.Provisioning;
using Provisioner.Core.Secrets;
using Provisioner.Core.Stamps;
using Provisioner.Core.Tenants;

namespace Provisioner.Core.Upgrades;

/// <summary>
/// The forward half of an upgrade, the same on every backend: apply the new stamp (the backend runs the template's
/// migration before the app changes), then the health gate, then the monitor window; each a journal step.
/// </summary>
internal sealed class UpgradeForward(ITenantBackend backend, IOperationJournal journal, HealthGate health, int failureLogLines, TimeProvider time)
{
    private readonly StampApplier _applier = new(backend, journal, health, failureLogLines);

    /// <summary>Null when the new version is applied, healthy and stayed healthy; otherwise why not. <paramref name="gatePassed"/> is called when its health gate passed.</summary>
    public async Task<(string Reason, string? Check, string? Logs)?> RunAsync(
        string tenant, Stamp stamp, TenantSecrets secrets, UpgradeSettings settings, long operation, IProgress<string>? progress, CancellationToken ct, Action? gatePassed = null)
    {
        try
        {
            var applied = await _applier.ApplyAsync(stamp, secrets, operation, progress, ct);
            return await GateAsync(tenant, stamp, applied.Endpoint, settings, operation, progress, ct, gatePassed);
        }
        catch (Exception e)
        {
            return Describe(e, ct);
        }
    }

    /// <summary>A failure of the forward half as reason, check and log lines.</summary>
    public static (string Reason, string? Check, string? Logs) Describe(Exception e, CancellationToken ct)
    {
        // A failed migration carries its own log lines in the message (after the first line); show them rather than the app's.
        // Only Ctrl-C is "cancelled" (a resumed fleet tries it again); a timeout is a failure like any other.
        var cancelled = e is OperationCanceledException && ct.IsCancellationRequested;
        var message = cancelled ? UpgradeJournalNames.Cancelled : e.Message;
        var lines = message.Split('\n', 2);
        var migration = message.StartsWith("job ", StringComparison.Ordinal) || lines[0].Contains(" migration failed", StringComparison.Ordinal);
        var check = cancelled ? null : migration ? "migration job" : "apply";
        return (lines[0].Replace(" Last log lines:", "", StringComparison.Ordinal), check, lines.Length > 1 ? lines[1].TrimEnd() : null);
    }

    /// <summary>
    /// The health gate (through <paramref name="endpoint"/>, as customers reach the tenant) and the monitor window of a
    /// version already running; null when it passed both. Failures are returned, not thrown (Ctrl-C aside).
    /// </summary>
    public async Task<(string Reason, string? Check, string? Logs)?> GateAsync(
        string tenant, Stamp stamp, Uri? endpoint, UpgradeSettings settings, long operation, IProgress<string>? progress, CancellationToken ct, Action? gatePassed = null)
    {
        var target = new ProbeTarget(tenant, stamp.Template, endpoint, backend);
        progress?.Report($"{tenant}: health gate for {stamp.Template.Ref}");
        var step = await journal.StepAsync(operation, UpgradeJournalNames.HealthStep, "health gate", ct);
        var report = await health.WaitHealthyAsync(target, stamp.Template.AllChecks, ct);
        await journal.EndStepAsync(step, report.Passed ? JournalStatus.Done : JournalStatus.Failed, report.Failure, ct);
        if (!report.Passed)
        {
            return ($"health gate failed: {report.Failure}", report.FailingCheck?.Name, null);
        }

        gatePassed?.Invoke();

        progress?.Report($"{tenant}: monitoring for {settings.MonitorWindow.TotalSeconds:0.#} s");
        var monitor = await journal.StepAsync(operation, "monitor", $"{settings.MonitorWindow.TotalSeconds:0.#} s", ct);
        var unstable = await new MonitorWindow(health, time).WatchAsync(target, stamp.Template, settings, ct);
        await journal.EndStepAsync(monitor, unstable is null ? JournalStatus.Done : JournalStatus.Failed, unstable?.Reason, ct);
        return unstable is null ? null : (unstable.Value.Reason, unstable.Value.Check, null);
    }
}
