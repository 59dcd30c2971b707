using System.CommandLine;
using Provisioner.Cli.Rendering;
using Provisioner.Core.Tenants;

namespace Provisioner.Cli.Commands;

/// <summary><c>provision suspend NAME</c>: stop a tenant's compute, keep its data, secrets and port.</summary>
internal static class SuspendCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var name = new Argument<string>("name") { Description = "Tenant to suspend" };
        var command = new Command("suspend", "Stop a tenant's compute (containers removed) and keep its data volumes, secrets and port; `provision resume` brings it back") { name };
        command.SetHandler(globals, async (parse, services, output, ct) =>
        {
            var tenant = TenantName.Validate(parse.GetValue(name));
            var record = await services.Provisioner.SuspendAsync(tenant, new LineProgress(output), ct);
            if (output.Json)
            {
                output.WriteJson(new { tenant = Views.Tenant(record) });
                return 0;
            }

            output.Line($"Suspended {tenant}: its containers are stopped and removed; its data, secrets and port {record.HostPort?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"} are kept. " +
                $"It holds its disk but no CPU or memory; `provision resume {tenant}` brings it back.");
            return 0;
        });
        return command;
    }
}
