using System.CommandLine;
using Provisioner.Cli.Rendering;
using Provisioner.Core.Errors;
using Provisioner.Core.Tenants;

namespace Provisioner.Cli.Commands;

/// <summary>
/// <c>provision window NAME "Sun 02:00-04:00 UTC"</c> / <c>provision window NAME --clear</c> / <c>provision window NAME</c>:
/// a tenant's maintenance window, the only time <c>upgrade --all</c> changes it.
/// </summary>
internal static class WindowCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var name = new Argument<string>("name") { Description = "Tenant" };
        var window = new Argument<string?>("window")
        {
            Description = "DAYS HH:MM-HH:MM ZONE, e.g. \"Sun 02:00-04:00 UTC\", \"Mon-Fri 22:00-02:00 Europe/Berlin\", \"daily 03:00-04:00 UTC\"; none: show it",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var clear = new Option<bool>("--clear") { Description = "Remove the window (`upgrade --all` may change the tenant at any time)" };
        var command = new Command("window", "Set, clear or show a tenant's maintenance window: `upgrade --all` changes it only while the window is open") { name, window, clear };
        command.SetHandler(globals, async (parse, services, output, ct) =>
        {
            var tenantName = TenantName.Validate(parse.GetValue(name));
            var text = parse.GetValue(window);
            if (parse.GetValue(clear) && text is not null)
            {
                throw new BadInputException("a window and --clear cannot be combined", $"e.g. `provision window {tenantName} \"Sun 02:00-04:00 UTC\"` or `provision window {tenantName} --clear`");
            }

            var tenant = text is null && !parse.GetValue(clear)
                ? (await services.Provisioner.ListAsync(ct)).FirstOrDefault(t => t.Name == tenantName) ?? throw new BadInputException($"no tenant named {tenantName}", "`provision list` shows the tenants")
                : await services.Provisioner.SetWindowAsync(tenantName, text, ct);
            WindowViews.Render(tenant, services.Time.GetUtcNow(), output);
            return 0;
        });
        return command;
    }

    /// <summary>Only showing the window (no window given, no --clear) is a read: not audited, not blocked by a freeze.</summary>
    public static bool IsRead(ParseResult parse) =>
        parse.CommandResult.Command.Name == "window"
        && parse.CommandResult.Command.Arguments.OfType<Argument<string?>>().Where(a => a.Name == "window").All(a => parse.GetValue(a) is null)
        && parse.CommandResult.Command.Options.OfType<Option<bool>>().Where(o => o.Name == "--clear").All(o => !parse.GetValue(o));
}
