using System.CommandLine;
using System.Globalization;
using Provisioner.Cli.Rendering;
using Provisioner.Core.Provisioning;
using Provisioner.Core.Tenants;

namespace Provisioner.Cli.Commands;

/// <summary><c>provision resume NAME</c>: bring a suspended tenant back through the capacity check and the health gate.</summary>
internal static class ResumeCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var name = new Argument<string>("name") { Description = "Suspended tenant to bring back" };
        var command = new Command("resume", "Start a suspended tenant again: capacity-checked (exit 4 when its host is full), then health-gated (exit 5 if unhealthy)") { name };
        command.SetHandler(globals, async (parse, services, output, ct) =>
        {
            var tenant = TenantName.Validate(parse.GetValue(name));
            try
            {
                Render(await services.Provisioner.ResumeAsync(tenant, new LineProgress(output), ct), output);
                return 0;
            }
            catch (TenantUnhealthyException e)
            {
                Render(e.Result, output);
                throw;
            }
        });
        return command;
    }

    private static void Render(ProvisionResult r, CliOutput output)
    {
        if (output.Json)
        {
            output.WriteJson(new { tenant = Views.Tenant(r.Tenant), resumed = r.Changes.Count > 0, health = Views.Health(r.Health), elapsedSeconds = Math.Round(r.Elapsed.TotalSeconds, 3) });
            return;
        }

        if (r.Health is { } health)
        {
            output.Human.Write(HealthTable.For(health));
        }

        var t = r.Tenant;
        // A tenant that was not suspended converges as `provision tenant` would: nothing to start when it was whole.
        var what = r.Changes.Count == 0 ? "it was not suspended (nothing to start); checked" : "resumed";
        output.Line(string.Create(CultureInfo.InvariantCulture, $"Tenant {t.Name} is {t.Status}: {t.TemplateRef} ({t.Size}) at {t.Endpoint ?? "-"}; {what} in {r.Elapsed.TotalSeconds:0.0} s."));
    }
}
