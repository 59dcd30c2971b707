using Polly;
using Polly.Retry;
using Polly.Timeout;
using Provisioner.Core.Templates;

namespace Provisioner.Core.Health;

/// <summary>
/// Runs a tenant's checks until they all pass or the deadline passes. Each attempt runs the checks in order and stops at
/// the first failure (later checks build on earlier ones). Retries, backoff and the deadline are a Polly pipeline.
/// </summary>
internal sealed class HealthGate(IEnumerable<IHealthProbe> probes, TimeProvider time, HealthGateOptions options)
{
    private readonly IReadOnlyList<IHealthProbe> _probes = probes.ToList();

    public HealthGateOptions Options { get; } = options.Validate();

    /// <param name="allAtOnceFirst">
    /// Run every check at the same time once before the ordered attempts: for a tenant in which nothing changed (a converged
    /// rerun), where they are expected to pass and their order matters only for which failure is reported. A first attempt
    /// that does not pass all is discarded and the ordered attempts follow as usual.
    /// </param>
    public async Task<HealthReport> WaitHealthyAsync(ProbeTarget target, IReadOnlyList<HealthCheckSpec> checks, CancellationToken ct, bool allAtOnceFirst = false)
    {
        var start = time.GetTimestamp();
        var attempts = 0;
        HealthReport? last = null;
        if (allAtOnceFirst && checks.Count > 1)
        {
            attempts++;
            var results = await Task.WhenAll(checks.Select(check => ProbeOnceAsync(check, target, ct)));
            if (results.All(r => r.Passed))
            {
                var outcomes = checks.Zip(results, (check, r) => new CheckOutcome(check.Name, CheckStatus.Passed, r.Output, r.Duration)).ToList();
                return new HealthReport(true, outcomes, attempts, time.GetElapsedTime(start), null);
            }
        }

        var pipeline = new ResiliencePipelineBuilder<HealthReport> { TimeProvider = time }
            .AddTimeout(new TimeoutStrategyOptions { Timeout = Options.Deadline })
            .AddRetry(new RetryStrategyOptions<HealthReport>
            {
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result is { Passed: false }),
                MaxRetryAttempts = int.MaxValue,
                BackoffType = DelayBackoffType.Exponential,
                Delay = Options.Delay,
                MaxDelay = Options.MaxDelay,
                UseJitter = false,
            })
            .Build();
        try
        {
            return await pipeline.ExecuteAsync(
                async token =>
                {
                    attempts++;
                    last = await RunAsync(target, checks, stopAtFirstFailure: true, token) with { Attempts = attempts, Elapsed = time.GetElapsedTime(start) };
                    return last;
                },
                ct);
        }
        catch (Exception e) when (e is TimeoutRejectedException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            var deadline = $"{Options.Deadline.TotalSeconds:0} s";
            var failure = last?.Failure is { } lastFailure ? $"{lastFailure} (still failing after {deadline})" : $"not healthy within {deadline}";
            return (last ?? new HealthReport(false, [], attempts, TimeSpan.Zero, null)) with
            {
                Passed = false, Attempts = attempts, Elapsed = time.GetElapsedTime(start), Failure = failure,
            };
        }
    }

    /// <summary>
    /// Runs every check once for a live view (status, fleet checks, an upgrade's monitor window). A check that fails is
    /// run once more, with twice its time, before it is reported failed, so one slow answer on a loaded host (an exec that
    /// starts a process in a container limited to a fraction of a CPU) is not reported as an outage; its output then says
    /// it failed twice (or that it passed on the second try).
    /// </summary>
    public async Task<HealthReport> CheckOnceAsync(ProbeTarget target, IReadOnlyList<HealthCheckSpec> checks, CancellationToken ct)
    {
        var start = time.GetTimestamp();
        return await RunAsync(target, checks, stopAtFirstFailure: false, ct) with { Attempts = 1, Elapsed = time.GetElapsedTime(start) };
    }

    private async Task<HealthReport> RunAsync(ProbeTarget target, IReadOnlyList<HealthCheckSpec> checks, bool stopAtFirstFailure, CancellationToken ct)
    {
        var outcomes = new List<CheckOutcome>();
        var failed = false;
        foreach (var check in checks)
        {
            if (failed && stopAtFirstFailure)
            {
                outcomes.Add(new CheckOutcome(check.Name, CheckStatus.NotRun, "an earlier check failed", TimeSpan.Zero));
                continue;
            }

            var result = await ProbeOnceAsync(check, target, ct);
            if (!result.Passed && !stopAtFirstFailure)
            {
                var second = await ProbeOnceAsync(check, target, ct, budgetScale: 2);
                result = second.Passed
                    ? second with { Output = $"{second.Output} (passed on the second try; first: {result.Output})" }
                    : second with { Output = $"{second.Output} (failed twice)" };
            }

            outcomes.Add(new CheckOutcome(check.Name, result.Passed ? CheckStatus.Passed : CheckStatus.Failed, result.Output, result.Duration));
            failed |= !result.Passed;
        }

        var firstFailure = outcomes.FirstOrDefault(o => o.Status == CheckStatus.Failed);
        return new HealthReport(!failed, outcomes, 1, TimeSpan.Zero, firstFailure is null ? null : $"{firstFailure.Name}: {firstFailure.Output}");
    }

    private async Task<ProbeResult> ProbeOnceAsync(HealthCheckSpec check, ProbeTarget target, CancellationToken ct, int budgetScale = 1)
    {
        var probe = _probes.FirstOrDefault(p => p.CanProbe(check));
        if (probe is null)
        {
            return ProbeResult.Fail($"no probe for {check.GetType().Name}", TimeSpan.Zero);
        }

        var budget = ProbeBudget.For(check, target.Template, Options.ProbeTimeout) * budgetScale;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(budget);
        try
        {
            return await probe.ProbeAsync(check, target, timeout.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return ProbeResult.Fail($"timed out after {budget.TotalSeconds:0} s", budget);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A probe that throws (an unexpected response shape, say) is a failed check, not a crash of the gate.
            return ProbeResult.Fail($"{e.GetType().Name}: {e.Message}", TimeSpan.Zero);
        }
    }
}
