using Provisioner.Core.Backends;
using Provisioner.Core.Templates;

namespace Provisioner.Core.Health;

/// <summary>Runs a command inside the component; passes when it exits 0 and prints what the check expects.</summary>
internal sealed class ExecProbe(TimeProvider time) : IHealthProbe
{
    public bool CanProbe(HealthCheckSpec check) => check is ExecCheckSpec;

    public async Task<ProbeResult> ProbeAsync(HealthCheckSpec check, ProbeTarget target, CancellationToken ct)
    {
        var spec = (ExecCheckSpec)check;
        var start = time.GetTimestamp();
        var exec = target.Backend.Require<IComponentExec>("run a command inside a component (exec check)");
        var result = await exec.ExecAsync(target.Tenant, spec.Component, spec.Command, null, ct);
        var output = HttpProbe.Truncate((result.Stdout + " " + result.Stderr).Trim());
        if (!result.Succeeded)
        {
            return ProbeResult.Fail($"exited {result.ExitCode}: {output}", time.GetElapsedTime(start));
        }

        return spec.Expect is { } expect && !result.Stdout.Contains(expect, StringComparison.Ordinal)
            ? ProbeResult.Fail($"expected output containing '{expect}', got '{output}'", time.GetElapsedTime(start))
            : ProbeResult.Pass(output, time.GetElapsedTime(start));
    }
}
