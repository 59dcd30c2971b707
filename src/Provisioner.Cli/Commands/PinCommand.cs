using System.CommandLine;
using NuGet.Versioning;
using Provisioner.Core.Errors;
using Provisioner.Core.Templates;
using Provisioner.Core.Tenants;

namespace Provisioner.Cli.Commands;

/// <summary><c>provision pin NAME VERSION</c> / <c>provision pin NAME --clear</c>: keep a tenant out of <c>upgrade --all</c>.</summary>
internal static class PinCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var name = new Argument<string>("name") { Description = "Tenant to pin" };
        var version = new Argument<string?>("version") { Description = "Version to keep it on (e.g. 1.0.0)", Arity = ArgumentArity.ZeroOrOne };
        var clear = new Option<bool>("--clear") { Description = "Remove the pin" };
        var command = new Command("pin", "Keep a tenant on a version: `upgrade --all` skips it unless --include-pinned") { name, version, clear };
        command.SetHandler(globals, async (parse, services, output, ct) =>
        {
            var tenantName = TenantName.Validate(parse.GetValue(name));
            var pinTo = parse.GetValue(version);
            if (parse.GetValue(clear) == (pinTo is not null))
            {
                throw new BadInputException(
                    pinTo is null ? "give a version to pin to, or --clear" : "a version and --clear cannot be combined",
                    $"e.g. `provision pin {tenantName} 1.0.0` or `provision pin {tenantName} --clear`");
            }

            var tenant = await services.Provisioner.PinAsync(tenantName, pinTo, ct);
            pinTo = tenant.PinnedVersion;
            if (output.Json)
            {
                output.WriteJson(new { tenant = tenantName, version = tenant.Version, pinnedVersion = pinTo });
            }
            else
            {
                output.Line(pinTo is null
                    ? $"Unpinned {tenantName} (on {tenant.Version}); `upgrade --all` includes it again."
                    : $"Pinned {tenantName} to {pinTo} (it runs {tenant.Version}); `upgrade --all` skips it unless --include-pinned.");
            }

            return 0;
        });
        return command;
    }
}
