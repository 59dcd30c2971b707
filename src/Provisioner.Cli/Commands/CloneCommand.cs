using System.CommandLine;
using System.Globalization;
using Provisioner.Cli.Rendering;
using Provisioner.Core.Backups;
using Provisioner.Core.Cloning;
using Provisioner.Core.Errors;

namespace Provisioner.Cli.Commands;

/// <summary><c>provision clone SOURCE NEW [--size SIZE] [--mask | --no-mask]</c>: a new tenant with a (masked) copy of another's data.</summary>
internal static class CloneCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var source = new Argument<string>("source") { Description = "Tenant whose data is copied (it keeps serving)" };
        var name = new Argument<string>("new") { Description = "Name of the new tenant" };
        var size = new Option<string?>("--size") { Description = "Size of the new tenant; default: the source's" };
        var mask = new Option<bool>("--mask") { Description = "Require the template's masks (refused, nothing made, if it declares none); they run by default when declared" };
        var noMask = new Option<bool>("--no-mask") { Description = "An exact copy: skip the template's masks" };
        var command = new Command(
            "clone",
            "Create a new tenant of SOURCE's template and version with its own new secrets and a verified copy of SOURCE's data, masked before it is served; health-gated")
        { source, name, size, mask, noMask };
        command.SetHandler(globals, async (parse, services, output, ct) =>
        {
            if (parse.GetValue(mask) && parse.GetValue(noMask))
            {
                throw new BadInputException("--mask and --no-mask contradict each other", "give one of them; masks run by default when the template declares them");
            }

            var choice = parse.GetValue(mask) ? MaskChoice.Required : parse.GetValue(noMask) ? MaskChoice.Skip : MaskChoice.IfDeclared;
            var result = await services.Provisioner.CloneAsync(
                new CloneRequest(parse.GetValue(source)!, parse.GetValue(name)!, parse.GetValue(size), choice), new LineProgress(output), ct);
            var tenant = result.Provision.Tenant;
            if (output.Json)
            {
                output.WriteJson(CloneViews.Clone(result));
            }
            else
            {
                output.Line(string.Create(CultureInfo.InvariantCulture,
                    $"Cloned {result.Source} into {tenant.Name} in {result.Elapsed.TotalSeconds:0.0} s{(result.Resumed ? ", finishing an interrupted clone" : "")}: " +
                    $"{tenant.TemplateRef} ({tenant.Size}) at {tenant.Endpoint ?? "-"}, its own new secrets."));
                output.Line(string.Create(CultureInfo.InvariantCulture,
                    $"  copy: {Units(result.Copy.Set.Bytes)}{(result.Copy.Method == SourceCopy.Physical ? ", the whole database cluster file by file, verified against its manifest" : " verified")}; {result.Source} {(result.Copy.Stopped.Count == 0 ? "kept serving (paused 0 s)" : $"paused {string.Join(", ", result.Copy.Stopped)} for {result.Copy.Paused.TotalSeconds:0.0} s")}"));
                output.Line(result.Masked.Count == 0 ? "  masked: nothing (an exact copy)" : $"  masked before it was served: {string.Join(", ", result.Masked)}");
                output.Line(result.Restore.Health.Passed ? $"  healthy: {result.Restore.Health.Checks.Count} check(s) passed" : $"  NOT healthy: {result.Restore.Health.Failure}");
            }

            return result.Restore.Health.Passed ? ExitCodes.Ok : ExitCodes.Unhealthy;
        });
        return command;
    }

    private static string Units(long bytes) => bytes >= 1 << 20
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:0.0} MiB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.0} KiB");
}
