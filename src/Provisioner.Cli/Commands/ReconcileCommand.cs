using System.CommandLine;
using Provisioner.Cli.Rendering;
using Provisioner.Cli.Rendering.Drift;
using Provisioner.Core.Errors;

namespace Provisioner.Cli.Commands;

/// <summary>
/// <c>provision reconcile [NAME|--all] [--parallel N]</c>: converge tenants as a rerun of <c>provision tenant</c> does, in parallel,
/// and clean the compute of destroyed, suspended and unregistered ones; a report table (or --json).
/// </summary>
internal static class ReconcileCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var name = new Argument<string?>("name") { Description = "Tenant to converge (or --all)", Arity = ArgumentArity.ZeroOrOne };
        var all = new Option<bool>("--all") { Description = "Every tenant in the registry, and leftovers of tenants it no longer has" };
        var parallel = new Option<int>("--parallel", "-p") { Description = "Tenants converged at once (default 4)", DefaultValueFactory = _ => 4 };
        var command = new Command("reconcile", "Converge tenants to their stamps (after drift, an engine crash or a host reboot), health-gated, with a report")
        {
            name, all, parallel,
        };
        command.SetHandler(globals, async (parse, services, output, ct) =>
        {
            var single = parse.GetValue(name);
            if (parse.GetValue(all) == (single is not null))
            {
                throw new BadInputException(single is null ? "give a tenant name, or --all" : "a tenant name and --all cannot be combined", "e.g. `provision reconcile acme` or `provision reconcile --all --parallel 4`");
            }

            var report = await services.Provisioner.ReconcileAsync(single, parse.GetValue(parallel), new LineProgress(output), ct);
            if (output.Json)
            {
                output.WriteJson(DriftViews.Json(report));
            }
            else
            {
                output.Human.Write(DriftViews.Outcomes(report));
                output.Line(DriftViews.Summary(report));
            }

            return report.ExitCode;
        });
        return command;
    }
}
