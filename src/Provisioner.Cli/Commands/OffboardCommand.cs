using System.CommandLine;
using System.Globalization;
using Provisioner.Cli.Rendering;
using Provisioner.Core.Lifecycle;
using Provisioner.Core.Tenants;

namespace Provisioner.Cli.Commands;

/// <summary><c>provision offboard NAME --retain 30d</c>: final verified backup, kept until a date; then the tenant is removed entirely.</summary>
internal static class OffboardCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var name = new Argument<string>("name") { Description = "Tenant to offboard" };
        var retain = new Option<string>("--retain") { Description = "How long its final backup is kept (`provision purge` deletes it after), e.g. 30d, 12w, 48h", DefaultValueFactory = _ => "30d" };
        var command = new Command("offboard", "Take a final verified backup, keep it until --retain runs out, and remove the tenant entirely (containers, networks, volumes, registry entry)") { name, retain };
        command.SetHandler(globals, async (parse, services, output, ct) =>
        {
            var tenant = TenantName.Validate(parse.GetValue(name));
            var span = LifeSpan.Parse(parse.GetValue(retain)!, "--retain");
            var result = await services.Provisioner.OffboardAsync(tenant, span, new LineProgress(output), ct);
            if (output.Json)
            {
                output.WriteJson(new
                {
                    tenant,
                    offboarded = LifecycleViews.Set(result.Set),
                    backup = result.Backup is null ? null : BackupViews.Backup(result.Backup),
                    removed = result.Removed.Select(Views.Change),
                    resumed = result.Resumed,
                    elapsedSeconds = Math.Round(result.Elapsed.TotalSeconds, 3),
                });
                return 0;
            }

            output.Line(string.Create(CultureInfo.InvariantCulture,
                $"Offboarded {tenant} ({result.Set.TemplateRef}, {result.Set.Size}) in {result.Elapsed.TotalSeconds:0.0} s: {result.Removed.Count} resource(s) removed with its registry entry."));
            output.Line($"  final backup {result.Set.Id} ({Core.Capacity.Units.Bytes(result.Set.Bytes)}, verified) kept until {LifecycleViews.When(result.Set.KeepUntil)} in {result.Set.Folder}");
            output.Line($"  `provision restore-offboarded {tenant}` brings it back; `provision purge` deletes the backup after that date.");
            return 0;
        });
        return command;
    }
}
