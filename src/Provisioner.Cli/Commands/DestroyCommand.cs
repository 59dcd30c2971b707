using System.CommandLine;
using Provisioner.Cli.Rendering;
using Provisioner.Core.Errors;

namespace Provisioner.Cli.Commands;

/// <summary><c>provision destroy NAME --yes [--delete-data]</c>.</summary>
internal static class DestroyCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var name = new Argument<string>("name") { Description = "Tenant to destroy" };
        var yes = new Option<bool>("--yes", "-y") { Description = "Confirm: destroying removes the tenant's containers and networks" };
        var deleteData = new Option<bool>("--delete-data") { Description = "Also delete the data volume and the tenant's registry entry (cannot be undone)" };
        var command = new Command("destroy", "Remove a tenant (its data volume is kept unless --delete-data)") { name, yes, deleteData };
        command.SetHandler(globals, async (parse, services, output, ct) =>
        {
            var tenant = Core.Tenants.TenantName.Validate(parse.GetValue(name));
            var delete = parse.GetValue(deleteData);
            if (!parse.GetValue(yes))
            {
                throw new BadInputException(
                    $"destroying {tenant} removes its containers and networks{(delete ? " and deletes its data" : "")}",
                    $"confirm with `provision destroy {tenant} --yes{(delete ? " --delete-data" : "")}`");
            }

            var changes = await services.Provisioner.DestroyAsync(tenant, delete, new LineProgress(output), ct);

            if (output.Json)
            {
                output.WriteJson(new { tenant, dataDeleted = delete, removed = changes.Select(Views.Change) });
                return 0;
            }

            output.Line(delete
                ? $"Destroyed {tenant}: removed {changes.Count} resource(s), data deleted."
                : $"Destroyed {tenant}: removed {changes.Count} resource(s); its data volume and secrets are kept (`provision tenant {tenant}` brings it back, `--delete-data` removes them).");
            return 0;
        });
        return command;
    }
}
