using Provisioner.Core.Data;
using Provisioner.Core.Templates;

namespace Provisioner.Core.Health;

/// <summary>Runs a query through the component's data adapter; passes when it succeeds and, if the check expects a value, returns exactly it.</summary>
internal sealed class SqlProbe(DataAdapters adapters, TimeProvider time) : IHealthProbe
{
    public bool CanProbe(HealthCheckSpec check) => check is SqlCheckSpec;

    public async Task<ProbeResult> ProbeAsync(HealthCheckSpec check, ProbeTarget target, CancellationToken ct)
    {
        var spec = (SqlCheckSpec)check;
        var start = time.GetTimestamp();
        var component = target.Template.Component(spec.Component);
        if (component.Data is null || adapters.For(component.Data) is not IDataQuery query)
        {
            return ProbeResult.Fail($"{spec.Component}'s data cannot be queried", TimeSpan.Zero);
        }

        try
        {
            var output = (await query.QueryAsync(new DataTarget(target.Tenant, component, target.Backend), spec.Query, spec.Database, ct)).Trim();
            return spec.Expect is { } expect && output != expect
                ? ProbeResult.Fail($"expected '{expect}', got '{HttpProbe.Truncate(output)}'", time.GetElapsedTime(start))
                : ProbeResult.Pass(HttpProbe.Truncate(output), time.GetElapsedTime(start));
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            return ProbeResult.Fail(e.Message, time.GetElapsedTime(start));
        }
    }
}
