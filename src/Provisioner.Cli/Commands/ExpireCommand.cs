using System.CommandLine;
using Provisioner.Cli.Rendering;
using Provisioner.Core.Errors;
using Provisioner.Core.Lifecycle;

namespace Provisioner.Cli.Commands;

/// <summary><c>provision expire [--dry-run]</c>: remove, with their data, the tenants whose expiry has passed (what a cron job calls).</summary>
internal static class ExpireCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var dryRun = new Option<bool>("--dry-run") { Description = "Only list the tenants that would be removed" };
        var command = new Command("expire", "Remove (containers, volumes, backups, registry entry) every tenant whose --ttl/--expires has passed; run it from cron") { dryRun };
        command.SetHandler(globals, async (parse, services, output, ct) =>
        {
            var result = await services.Provisioner.ExpireAsync(parse.GetValue(dryRun), new LineProgress(output), ct);
            if (output.Json)
            {
                output.WriteJson(new { at = result.At, dryRun = result.DryRun, tenants = result.Tenants.Select(LifecycleViews.Expired), notYetExpired = result.NotYetExpired });
            }
            else
            {
                foreach (var t in result.Tenants)
                {
                    output.Line($"  {t.Tenant} ({t.Template}), expired {LifecycleViews.When(t.ExpiresAt)}: {t.Outcome}{(t.Error is null ? "" : $": {t.Error}")}");
                }

                var verb = result.DryRun ? "would be removed" : "removed";
                output.Line($"{result.Tenants.Count(t => t.Outcome is ExpiredTenant.Removed or ExpiredTenant.WouldRemove)} expired tenant(s) {verb}; {result.NotYetExpired} with an expiry still to come.");
            }

            if (!result.AllRemoved && output.Json)
            {
                return ExitCodes.Failed;   // the document above says which and why; one JSON document on stdout
            }

            if (!result.AllRemoved)
            {
                throw new ProvisionerException(
                    $"{result.Tenants.Count(t => t.Outcome == ExpiredTenant.Failed)} expired tenant(s) could not be removed", ExitCodes.Failed,
                    "see the errors above; the next `provision expire` tries them again");
            }

            return 0;
        });
        return command;
    }
}
