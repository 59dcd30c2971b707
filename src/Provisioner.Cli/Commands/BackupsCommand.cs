using System.CommandLine;
using Provisioner.Cli.Rendering;
using Provisioner.Core.Tenants;

namespace Provisioner.Cli.Commands;

/// <summary><c>provision backups [NAME]</c>: the backup sets on disk, newest first, with each component's verified checksum.</summary>
internal static class BackupsCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var name = new Argument<string?>("name") { Description = "Only this tenant's backups", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("backups", "List backup sets (on-demand and upgrade): id, tenant, kind, time, size, verified checksums, complete or not") { name };
        command.SetHandler(globals, async (parse, services, output, ct) =>
        {
            var tenant = parse.GetValue(name) is { } n ? TenantName.Validate(n) : null;
            var sets = await services.Provisioner.ListBackupsAsync(tenant, ct);
            if (output.Json)
            {
                output.WriteJson(sets.Select(BackupViews.Set));
                return 0;
            }

            if (sets.Count == 0)
            {
                output.Line(tenant is null ? "No backups yet. Take one with `provision backup <name>`." : $"No backups of {tenant}. Take one with `provision backup {tenant}`.");
                return 0;
            }

            output.Human.Write(BackupViews.SetsTable(sets));
            output.Line($"{sets.Count} set(s) in {services.Provisioner.Settings.BackupRoot}");
            return 0;
        });
        return command;
    }
}
