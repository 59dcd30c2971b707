using System.CommandLine;
using Provisioner.Cli.Rendering;
using Provisioner.Core.Errors;

namespace Provisioner.Cli.Commands;

/// <summary>
/// <c>provision rotate TENANT [SECRET] | --all [--parallel N]</c>: a new database password, set in the database and
/// delivered to every component that uses it, with no failed customer request; the old one no longer logs in.
/// </summary>
internal static class RotateCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var name = new Argument<string?>("name") { Description = "Tenant whose secrets to rotate (or --all)", Arity = ArgumentArity.ZeroOrOne };
        var secret = new Argument<string?>("secret") { Description = "The secret to rotate (default: every rotatable one, the passwords of its PostgreSQL data components)", Arity = ArgumentArity.ZeroOrOne };
        var all = new Option<bool>("--all") { Description = "Every running tenant with a rotatable secret" };
        var parallel = new Option<int>("--parallel", "-p") { Description = "Tenants rotated at once with --all (default 4)", DefaultValueFactory = _ => 4 };
        var command = new Command("rotate", "Rotate a tenant's database password with no failed request: set in the database, delivered to its components, the old one refused")
        {
            name, secret, all, parallel,
        };
        command.SetHandler(globals, async (parse, services, output, ct) =>
        {
            var single = parse.GetValue(name);
            if (parse.GetValue(all))
            {
                if (single is not null)
                {
                    throw new BadInputException("a tenant name and --all cannot be combined", "e.g. `provision rotate acme` or `provision rotate --all --parallel 4`");
                }

                var results = await services.Provisioner.RotateAllAsync(parse.GetValue(parallel), new LineProgress(output), ct);
                if (output.Json)
                {
                    output.WriteJson(new { tenants = results.Select(RotationViews.Json) });
                }
                else
                {
                    output.Human.Write(RotationViews.Table(results));
                    output.Line(RotationViews.Summary(results));
                }

                return results.All(r => r.Succeeded) ? ExitCodes.Ok : ExitCodes.Failed;
            }

            if (single is null)
            {
                throw new BadInputException("give a tenant name, or --all", "e.g. `provision rotate acme` or `provision rotate acme db_password`");
            }

            var result = await services.Provisioner.RotateAsync(single, parse.GetValue(secret), new LineProgress(output), ct);
            if (output.Json)
            {
                output.WriteJson(RotationViews.Json(result));
            }
            else
            {
                output.Line(RotationViews.Line(result));
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
