using System.CommandLine;
using System.Globalization;
using Provisioner.Cli.Rendering;
using Provisioner.Core.Errors;
using Provisioner.Core.Tenants;

namespace Provisioner.Cli.Commands;

/// <summary><c>provision restore NAME [--from ID]</c>: replace a tenant's data with a backup's, staged and checked first.</summary>
internal static class RestoreCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var name = new Argument<string>("name") { Description = "Tenant whose data is replaced" };
        var from = new Option<string?>("--from") { Description = "Backup id (`provision backups NAME`); default: the newest complete one" };
        var command = new Command("restore", "Replace a tenant's data with a backup: staged beside the live data and checked, then swapped in, then health-checked") { name, from };
        command.SetHandler(globals, async (parse, services, output, ct) =>
        {
            var tenant = TenantName.Validate(parse.GetValue(name));
            var result = await services.Provisioner.RestoreAsync(tenant, parse.GetValue(from), new LineProgress(output), ct);
            if (output.Json)
            {
                output.WriteJson(BackupViews.Restore(result));
            }
            else
            {
                output.Line(string.Create(CultureInfo.InvariantCulture,
                    $"Restored {tenant} from {result.Set.Id} (taken {result.Set.TakenAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC) in {result.Elapsed.TotalSeconds:0.0} s{(result.Resumed ? ", finishing an interrupted restore" : "")}; " +
                    $"{string.Join(", ", result.Stopped)} stopped for {result.Downtime.TotalSeconds:0.0} s."));
                foreach (var c in result.Set.Components)
                {
                    output.Line($"  {c.Component} ({c.Kind}): checksum {c.Checksum} matched before the swap");
                }

                output.Line(result.Health.Passed ? $"  healthy: {result.Health.Checks.Count} check(s) passed" : $"  NOT healthy: {result.Health.Failure}");
            }

            return result.Health.Passed ? ExitCodes.Ok : ExitCodes.Unhealthy;
        });
        return command;
    }
}
