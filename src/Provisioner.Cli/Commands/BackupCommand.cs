using System.CommandLine;
using System.Globalization;
using Provisioner.Cli.Rendering;
using Provisioner.Core.Backups;
using Provisioner.Core.Errors;
using Provisioner.Core.Tenants;

namespace Provisioner.Cli.Commands;

/// <summary><c>provision backup NAME</c> / <c>provision backup --all [--parallel N]</c>: verified backups of every data component.</summary>
internal static class BackupCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var name = new Argument<string?>("name") { Description = "Tenant to back up (or --all)", Arity = ArgumentArity.ZeroOrOne };
        var all = new Option<bool>("--all") { Description = "Every tenant with data components" };
        var parallel = new Option<int>("--parallel", "-p") { Description = "With --all: tenants backed up at once (default 2)", DefaultValueFactory = _ => 2 };
        var command = new Command("backup", "Take a verified backup of a tenant's data (every data component), then apply the retention policy") { name, all, parallel };
        command.SetHandler(globals, async (parse, services, output, ct) =>
        {
            var single = parse.GetValue(name);
            if (parse.GetValue(all) == (single is not null))
            {
                throw new BadInputException(single is null ? "give a tenant name, or --all" : "a tenant name and --all cannot be combined", "e.g. `provision backup acme` or `provision backup --all --parallel 2`");
            }

            var progress = new LineProgress(output);
            if (single is not null)
            {
                var result = await services.Provisioner.BackupAsync(TenantName.Validate(single), progress, ct);
                if (output.Json)
                {
                    output.WriteJson(BackupViews.Backup(result));
                }
                else
                {
                    Summary(output, result);
                }

                return 0;
            }

            var fleet = await services.Provisioner.BackupAllAsync(parse.GetValue(parallel), progress, ct);
            if (output.Json)
            {
                output.WriteJson(BackupViews.Fleet(fleet));
            }
            else
            {
                output.Human.Write(BackupViews.FleetTable(fleet));
                output.Line(string.Create(CultureInfo.InvariantCulture,
                    $"{fleet.Tenants.Count(t => t.Outcome == TenantBackupOutcome.BackedUp)} backed up, {fleet.Tenants.Count(t => t.Outcome == TenantBackupOutcome.Skipped)} skipped, {fleet.Failed} failed in {fleet.Elapsed.TotalSeconds:0.0} s ({fleet.Parallel} at a time)."));
            }

            return fleet.Failed > 0 ? ExitCodes.Failed : ExitCodes.Ok;
        });
        return command;
    }

    private static void Summary(CliOutput output, BackupResult r)
    {
        var how = r.Online
            ? "online (the tenant kept serving)"
            : string.Create(CultureInfo.InvariantCulture, $"with {string.Join(", ", r.Paused)} stopped for {r.PausedFor.TotalSeconds:0.0} s");
        output.Line(string.Create(CultureInfo.InvariantCulture, $"Backed up {r.Tenant} to {r.Set.Id} ({BackupViews.Size(r.Set.Bytes)}) in {r.Elapsed.TotalSeconds:0.0} s, {how}."));
        foreach (var c in r.Set.Components)
        {
            output.Line($"  {c.Component} ({c.Kind}): {c.File}, {BackupViews.Size(c.Bytes)}, verified checksum {c.Checksum}");
        }

        output.Line($"  in {r.Set.Folder}");
        if (r.Note is not null)
        {
            output.Line($"  note: {r.Note}");
        }

        if (r.Deleted.Count > 0)
        {
            output.Line($"  retention deleted: {string.Join(", ", r.Deleted)}");
        }
    }
}
