using System.CommandLine;
using Provisioner.Cli.Hosting;
using Provisioner.Cli.Rendering;
using Provisioner.Cli.Rendering.Checks;
using Provisioner.Cli.Reports;
using Provisioner.Core.Checks;
using Provisioner.Core.Errors;

namespace Provisioner.Cli.Commands;

/// <summary>
/// <c>provision check [NAME|--all] [--parallel N] [--watch 60s] [--metrics FILE] [--html FILE]</c>: every check and customer
/// journey of each tenant, once, recorded in the registry; exit 5 when any tenant is down. With --watch, again and again until Ctrl+C.
/// </summary>
internal static class CheckCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var name = new Argument<string?>("name") { Description = "Tenant to check (or --all)", Arity = ArgumentArity.ZeroOrOne };
        var all = new Option<bool>("--all") { Description = "Every tenant in the registry (destroyed ones are skipped)" };
        var parallel = new Option<int>("--parallel", "-p") { Description = "Tenants checked at once (default 4)", DefaultValueFactory = _ => 4 };
        var watch = new Option<string?>("--watch") { Description = "Check again every interval (e.g. 60s, 5m) until Ctrl+C; the files are rewritten each time" };
        var metrics = new Option<string?>("--metrics") { Description = "Write OpenMetrics text here (atomically; for the Prometheus textfile collector, name it *.prom)" };
        var html = new Option<string?>("--html") { Description = "Write a self-contained status page here: the fleet at a glance, each tenant's recent history" };
        var count = new Option<int?>("--count") { Description = "With --watch: stop after this many runs", Hidden = true };
        var command = new Command("check", "Run every tenant's health checks and customer journeys now; record, report, exit 5 if any tenant is down")
        {
            name, all, parallel, watch, metrics, html, count,
        };
        command.SetHandler(globals, async (parse, services, output, ct) =>
        {
            var single = parse.GetValue(name);
            if (parse.GetValue(all) == (single is not null))
            {
                throw new BadInputException(single is null ? "give a tenant name, or --all" : "a tenant name and --all cannot be combined", "e.g. `provision check acme` or `provision check --all`");
            }

            var interval = ConfigLoader.Duration(parse.GetValue(watch), "--watch");
            var runs = parse.GetValue(count);
            if (runs is < 1)
            {
                throw new BadInputException($"--count must be at least 1 (got {runs})");
            }

            var request = new CheckRequest(single, parse.GetValue(parallel));
            for (var run = 1; ; run++)
            {
                var result = await services.Provisioner.CheckAsync(request, null, ct);
                await WriteAsync(result, output, parse.GetValue(metrics), parse.GetValue(html), ct);
                if (interval is not { } every || run >= (runs ?? int.MaxValue))
                {
                    return result.ExitCode;
                }

                output.Progress($"Next check in {every.TotalSeconds:0.#} s (Ctrl+C stops).");
                try
                {
                    await Task.Delay(every, ct);
                }
                catch (OperationCanceledException)
                {
                    return result.ExitCode;
                }
            }
        });
        return command;
    }

    private static async Task WriteAsync(FleetCheckResult result, CliOutput output, string? metrics, string? html, CancellationToken ct)
    {
        if (metrics is { Length: > 0 })
        {
            await AtomicFile.WriteAsync(metrics, CheckMetrics.Render(result), "--metrics", ct);
        }

        if (html is { Length: > 0 })
        {
            await AtomicFile.WriteAsync(html, StatusPageHtml.Render(result), "--html", ct);
        }

        if (output.Json)
        {
            output.WriteJson(CheckViews.Json(result));
        }
        else
        {
            output.Human.Write(CheckViews.Table(result));
            output.Line(CheckViews.Summary(result));
        }

        if (metrics is { Length: > 0 })
        {
            output.Progress($"Metrics written to {Path.GetFullPath(metrics)}");
        }

        if (html is { Length: > 0 })
        {
            output.Progress($"Status page written to {Path.GetFullPath(html)}");
        }
    }
}
