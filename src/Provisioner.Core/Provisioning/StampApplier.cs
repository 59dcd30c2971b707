using Microsoft.Extensions.Logging;
using Provisioner.Core.Backends;
using Provisioner.Core.Errors;
using Provisioner.Core.Health;
using Provisioner.Core.Reconcile;
using Provisioner.Core.Secrets;
using Provisioner.Core.Stamps;
using Provisioner.Core.Templates;
using Provisioner.Core.Tenants;

namespace Provisioner.Core.Provisioning;

/// <summary>
/// Applies a stamp through the backend with every change journaled as a step before it is made and shown as progress;
/// a component's dependents wait until its SQL checks pass. Each step is logged with its name as <c>Step</c>.
/// </summary>
internal sealed class StampApplier(ITenantBackend backend, IOperationJournal journal, HealthGate health, int failureLogLines, ILogger? log = null)
{
    /// <param name="goingBack">See <see cref="ApplyContext.GoingBack"/>.</param>
    public Task<ApplyResult> ApplyAsync(Stamp stamp, TenantSecrets secrets, long operation, IProgress<string>? progress, CancellationToken ct, bool goingBack = false) =>
        JournaledAsync(stamp, operation, progress, goingBack, context => backend.ApplyAsync(stamp, secrets, context, ct), ct);

    /// <summary>The stamp's pending migration only (a quiet upgrade's first step), each job journaled as in an apply.</summary>
    public Task RunMigrationAsync(IQuietSwitch quiet, Stamp stamp, TenantSecrets secrets, long operation, IProgress<string>? progress, CancellationToken ct) =>
        JournaledAsync(stamp, operation, progress, goingBack: false, async context =>
        {
            await quiet.RunMigrationAsync(stamp, secrets, context, ct);
            return new ApplyResult([], stamp.Endpoint);
        }, ct);

    private async Task<ApplyResult> JournaledAsync(
        Stamp stamp, long operation, IProgress<string>? progress, bool goingBack, Func<ApplyContext, Task<ApplyResult>> apply, CancellationToken ct)
    {
        var steps = new Dictionary<PlannedChange, long>();
        var context = new ApplyContext(
            async (component, token) => await WaitComponentAsync(stamp, component, progress, token),
            async change =>
            {
                progress?.Report(change.ToString());
                var step = $"{change.Kind} {change.Resource}".ToLowerInvariant();
                steps[change] = await journal.StepAsync(operation, step, change.ToString(), ct);
                log?.LogInformation("Step {Step}: {Change}", step, change.ToString());
            },
            async change =>
            {
                await journal.EndStepAsync(steps[change], JournalStatus.Done, null, ct);
                steps.Remove(change);
            }) { GoingBack = goingBack, Progress = progress };
        try
        {
            return await apply(context);
        }
        catch (Exception e)
        {
            foreach (var open in steps.Values)
            {
                await journal.EndStepAsync(open, JournalStatus.Failed, e.Message, CancellationToken.None);
            }

            throw;
        }
    }

    private async Task WaitComponentAsync(Stamp stamp, string component, IProgress<string>? progress, CancellationToken ct)
    {
        // Readiness: the component's own checks that write nothing and need no entry (a journey or an entry's http check waits for the gate).
        var spec = stamp.Template.Component(component);
        var checks = spec.Health.Where(c => !c.Writes && !(c is HttpCheckSpec && spec.IsEntry)).ToList();
        if (checks.Count == 0)
        {
            return;
        }

        progress?.Report($"waiting for {component} to be ready");
        var report = await health.WaitHealthyAsync(new ProbeTarget(stamp.Tenant, stamp.Template, stamp.Endpoint, backend), checks, ct);
        if (!report.Passed)
        {
            var logs = await backend.GetLogsAsync(stamp.Tenant, component, failureLogLines, ct);
            throw new ProvisionerException($"{component} did not become ready: {report.Failure}. Last log lines:\n{logs}");
        }
    }
}
