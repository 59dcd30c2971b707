using System.CommandLine;
using Provisioner.Cli.Rendering;
using Provisioner.Core.Errors;

namespace Provisioner.Cli.Commands;

/// <summary><c>provision purge [--dry-run]</c>: delete the offboarded backups whose keep-until has passed, and only those.</summary>
internal static class PurgeCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var dryRun = new Option<bool>("--dry-run") { Description = "Only list what would be deleted" };
        var command = new Command("purge", "Delete offboarded backups whose keep-until has passed (never one still within its date, never a live tenant's backups)") { dryRun };
        command.SetHandler(globals, async (parse, services, output, ct) =>
        {
            var result = await services.Provisioner.PurgeAsync(parse.GetValue(dryRun), ct);
            if (output.Json)
            {
                output.WriteJson(new
                {
                    at = result.At, dryRun = result.DryRun, deleted = result.Deleted.Select(LifecycleViews.Set), kept = result.Kept.Select(LifecycleViews.Set), errors = result.Errors,
                });
                return result.Errors.Count == 0 ? ExitCodes.Ok : ExitCodes.Failed;
            }

            foreach (var s in result.Deleted)
            {
                output.Line($"  {(result.DryRun ? "would delete" : "deleted")} {s.Tenant}/{s.Id} (kept until {LifecycleViews.When(s.KeepUntil)}, {Core.Capacity.Units.Bytes(s.Bytes)})");
            }

            output.Line($"{result.Deleted.Count} expired offboarded backup(s) {(result.DryRun ? "would be deleted" : "deleted")}; {result.Kept.Count} kept (not yet expired).");
            if (result.Errors.Count > 0)
            {
                throw new ProvisionerException(
                    $"{result.Errors.Count} could not be deleted: {string.Join("; ", result.Errors)}", ExitCodes.Failed, "the next `provision purge` tries them again");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
