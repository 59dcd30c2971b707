using Provisioner.Core.Templates;

namespace Provisioner.Core.Health;

/// <summary>
/// Runs the query with psql inside the database component (local socket, peer auth), so the check needs
/// no published database port and no password.
/// </summary>
public sealed class SqlProbe(TimeProvider time) : IHealthProbe
{
    public bool CanProbe(HealthCheckSpec check) => check is SqlCheckSpec;

    public async Task<ProbeResult> ProbeAsync(HealthCheckSpec check, ProbeTarget target, CancellationToken ct)
    {
        var spec = (SqlCheckSpec)check;
        var start = time.GetTimestamp();
        try
        {
            var result = await target.Backend.ExecAsync(
                target.Tenant, spec.Component, ["psql", "-X", "-v", "ON_ERROR_STOP=1", "-d", spec.Database, "-tAc", spec.Query], spec.User, ct);
            var output = HttpProbe.Truncate((result.Stdout + " " + result.Stderr).Trim());
            return result.Succeeded
                ? ProbeResult.Pass(output, time.GetElapsedTime(start))
                : ProbeResult.Fail($"psql exited {result.ExitCode}: {output}", time.GetElapsedTime(start));
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            return ProbeResult.Fail(e.Message, time.GetElapsedTime(start));
        }
    }
}
