using System.CommandLine;
using System.Globalization;
using Provisioner.Cli.Rendering;
using Provisioner.Core.Errors;
using Provisioner.Core.Tenants;

namespace Provisioner.Cli.Commands;

/// <summary><c>provision restore-offboarded NAME [--from ID]</c>: re-create an offboarded tenant with the data of its final backup.</summary>
internal static class RestoreOffboardedCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var name = new Argument<string>("name") { Description = "Offboarded tenant to bring back" };
        var from = new Option<string?>("--from") { Description = "Offboarded backup id (`provision offboarded`); default: the tenant's newest" };
        var command = new Command("restore-offboarded", "Re-create an offboarded tenant at its recorded version and size, with new secrets and the data of its final backup; health-gated") { name, from };
        command.SetHandler(globals, async (parse, services, output, ct) =>
        {
            var tenant = TenantName.Validate(parse.GetValue(name));
            var result = await services.Provisioner.RestoreOffboardedAsync(tenant, parse.GetValue(from), new LineProgress(output), ct);
            if (output.Json)
            {
                output.WriteJson(new
                {
                    tenant = Views.Tenant(result.Provision.Tenant),
                    offboarded = LifecycleViews.Set(result.Set),
                    restore = BackupViews.Restore(result.Restore),
                    elapsedSeconds = Math.Round(result.Elapsed.TotalSeconds, 3),
                });
            }
            else
            {
                output.Line(string.Create(CultureInfo.InvariantCulture,
                    $"Restored offboarded {tenant} in {result.Elapsed.TotalSeconds:0.0} s: {result.Set.TemplateRef} ({result.Set.Size}) at {result.Provision.Tenant.Endpoint ?? "-"}, new secrets, data of {result.Set.Id}."));
                output.Line(result.Restore.Health.Passed ? $"  healthy: {result.Restore.Health.Checks.Count} check(s) passed" : $"  NOT healthy: {result.Restore.Health.Failure}");
                output.Line($"  the offboarded backup stays until {LifecycleViews.When(result.Set.KeepUntil)}.");
            }

            return result.Restore.Health.Passed ? ExitCodes.Ok : ExitCodes.Unhealthy;
        });
        return command;
    }
}
