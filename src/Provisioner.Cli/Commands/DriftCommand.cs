using System.CommandLine;
using Provisioner.Cli.Rendering.Drift;
using Provisioner.Core.Errors;

namespace Provisioner.Cli.Commands;

/// <summary>
/// <c>provision drift [NAME|--all]</c>: every difference between the registry and the stamps on one side and the engine on the
/// other; changes nothing; exit 6 when anything differs.
/// </summary>
internal static class DriftCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var name = new Argument<string?>("name") { Description = "Tenant to compare (or --all)", Arity = ArgumentArity.ZeroOrOne };
        var all = new Option<bool>("--all") { Description = "Every tenant in the registry, and every tenant this registry made that is on the engine" };
        var command = new Command("drift", "List every difference between intent (registry, template stamp) and the engine; exit 6 if any") { name, all };
        command.SetHandler(globals, async (parse, services, output, ct) =>
        {
            var single = parse.GetValue(name);
            if (parse.GetValue(all) == (single is not null))
            {
                throw new BadInputException(single is null ? "give a tenant name, or --all" : "a tenant name and --all cannot be combined", "e.g. `provision drift acme` or `provision drift --all`");
            }

            var report = await services.Provisioner.DriftAsync(single, ct);
            if (output.Json)
            {
                output.WriteJson(DriftViews.Json(report));
            }
            else
            {
                if (report.Findings.Count > 0)
                {
                    output.Human.Write(DriftViews.Findings(report));
                }

                foreach (var (tenant, why) in report.NotCompared)
                {
                    output.Line($"not compared: {tenant}: {why}");
                }

                output.Line(DriftViews.Summary(report));
            }

            return report.ExitCode;
        });
        return command;
    }
}
