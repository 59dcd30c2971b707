using System.CommandLine;
using Provisioner.Cli.Hosting;
using Provisioner.Cli.Rendering.Capacity;
using Provisioner.Core.Capacity;
using Provisioner.Core.Errors;

namespace Provisioner.Cli.Commands;

/// <summary>
/// <c>provision capacity [--for SIZE [--count N] [--customer C]] [--template T] [--html FILE] [--from engine|registry]</c>:
/// per-host numbers, what fits, history; with --for a verdict (exit 0 yes, 4 no).
/// </summary>
internal static class CapacityCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var size = new Option<string?>("--for") { Description = "Size to decide on (one of the template's sizes): YES with the placement (exit 0) or NO with the reason (exit 4)" };
        var count = new Option<int?>("--count", "-n") { Description = "How many tenants of that size (default 1)" };
        var template = new Option<string?>("--template", "-t") { Description = "Template whose sizes are used, as product@version (default: the default template)" };
        var customer = new Option<string?>("--customer") { Description = "Customer name shown in the verdict and the report" };
        var html = new Option<string?>("--html") { Description = "Also write a self-contained HTML report (verdict, per-host bars, history) to this file" };
        var from = new Option<string>("--from") { Description = "engine: live from the engine (default); registry: recorded tenants on hosts as last observed (fast, no engine)", DefaultValueFactory = _ => "engine" };
        from.AcceptOnlyFromAmong("engine", "registry");
        var noUsage = new Option<bool>("--no-usage") { Description = "Skip sampling actual usage (container stats, volume sizes), about a second faster" };
        var command = new Command("capacity", "Show what each host has, what tenants reserve and use, and whether a new customer fits")
        {
            size, count, template, customer, html, from, noUsage,
        };
        command.SetHandler(globals, async (parse, services, output, ct) =>
        {
            var fromRegistry = parse.GetValue(from) == "registry";
            if (parse.GetValue(size) is null && (parse.GetValue(count) is not null || parse.GetValue(customer) is not null))
            {
                throw new BadInputException("--count and --customer ask about a size, but no --for SIZE was given", "add --for SIZE, e.g. `provision capacity --for small --count 3`");
            }

            var query = new CapacityQuery(parse.GetValue(template), parse.GetValue(size), parse.GetValue(count) ?? 1, parse.GetValue(customer), !fromRegistry && !parse.GetValue(noUsage));
            var result = await services.Provisioner.CapacityAsync(query, fromRegistry, ct);
            if (parse.GetValue(html) is { Length: > 0 } file)
            {
                try
                {
                    await File.WriteAllTextAsync(file, CapacityHtml.Render(result), ct);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw new BadInputException($"cannot write the report to {file}: {e.Message}", "choose a writable path for --html");
                }
            }

            if (output.Json)
            {
                output.WriteJson(CapacityJson.View(result));
            }
            else
            {
                CapacityText.Write(result, output);
            }

            if (parse.GetValue(html) is { Length: > 0 } written)
            {
                output.Progress($"Report written to {Path.GetFullPath(written)}");
            }

            return result.Verdict is { Fits: false } ? ExitCodes.CapacityNo : ExitCodes.Ok;
        });
        return command;
    }
}
