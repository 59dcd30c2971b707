using System.CommandLine;
using Provisioner.Cli.Rendering;
using Provisioner.Cli.Reports;
using Provisioner.Core.Errors;
using Provisioner.Core.Upgrades;

namespace Provisioner.Cli.Commands;

/// <summary><c>provision upgrade NAME --to V</c>, <c>provision upgrade --all --to V</c>: health-gated waves with automatic rollback.</summary>
internal static class UpgradeCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var name = new Argument<string?>("name") { Description = "Tenant to upgrade (or use --tenants / --all)", Arity = ArgumentArity.ZeroOrOne };
        var to = new Option<string?>("--to") { Description = "Target version (1.1.0) or template (product@1.1.0)" };
        var all = new Option<bool>("--all") { Description = "Every tenant of the product (pinned ones only with --include-pinned)" };
        var tenants = new Option<string?>("--tenants") { Description = "Comma-separated tenant names" };
        var from = new Option<string?>("--from") { Description = "Only tenants on this version" };
        var canary = new Option<string>("--canary") { Description = "Canary wave: a count or tenant names (default 1)", DefaultValueFactory = _ => "1" };
        var waveSize = new Option<string>("--wave-size") { Description = "Tenants per wave after the canary: a count or a percentage (default 25%)", DefaultValueFactory = _ => "25%" };
        var parallel = new Option<int>("--parallel", "-p") { Description = "Tenants upgraded at once (default 2)", DefaultValueFactory = _ => 2 };
        var maxFailures = new Option<int>("--max-failures") { Description = "Failures tolerated before the fleet halts (default 0)" };
        var includePinned = new Option<bool>("--include-pinned") { Description = "Also upgrade tenants pinned with `provision pin`" };
        var ignoreWindows = new Option<bool>("--ignore-windows") { Description = "Also upgrade tenants outside their maintenance window (`provision window`)" };
        var monitor = new Option<double>("--monitor") { Description = "Seconds a tenant must stay healthy after its health gate (default 5)", DefaultValueFactory = _ => 5 };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the plan (waves, tenants, from -> to, steps) and change nothing" };
        var resume = new Option<bool>("--resume") { Description = "Continue an interrupted fleet upgrade; with NAME, retry a failed rollback" };
        var report = new Option<string[]>("--report") { Description = "Write a report: *.xml is JUnit, *.json is JSON (repeatable)", AllowMultipleArgumentsPerToken = false };
        var command = new Command("upgrade", "Upgrade tenants to a new version: backup, migrate, health gate, monitor; automatic rollback (on Docker with the database restored)")
        {
            name, to, all, tenants, from, canary, waveSize, parallel, maxFailures, includePinned, ignoreWindows, monitor, dryRun, resume, report,
        };
        command.SetHandler(globals, async (parse, services, output, ct) =>
        {
            var names = new List<string>();
            if (parse.GetValue(name) is { } single)
            {
                names.Add(Core.Tenants.TenantName.Validate(single));
            }

            names.AddRange((parse.GetValue(tenants) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Core.Tenants.TenantName.Validate));
            var reports = parse.GetValue(report) ?? [];
            foreach (var path in reports.Where(p => !p.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) && !p.EndsWith(".json", StringComparison.OrdinalIgnoreCase)))
            {
                throw new BadInputException($"--report {path}: the file name must end in .xml (JUnit) or .json", "e.g. --report junit.xml --report report.json");
            }

            var progress = new WaveProgress(output);
            if (parse.GetValue(resume) && names.Count > 0)
            {
                // A person asks by name: settle the tenant, retrying a failed rollback (never done automatically).
                var stuck = 0;
                foreach (var n in names)
                {
                    var settled = await services.Provisioner.RecoverAsync(n, progress, ct);
                    stuck += settled.Status == Core.Tenants.TenantStatus.NeedsAttention ? 1 : 0;
                    output.Line($"{n}: {settled.Status} on {settled.Version}{(settled.LastError is null ? "" : $" ({settled.LastError})")}");
                }

                if (parse.GetValue(to) is null || stuck > 0)
                {
                    return stuck == 0 ? 0 : ExitCodes.Failed;
                }
            }

            var request = parse.GetValue(to) is null && parse.GetValue(resume) ? null : new FleetRequest
            {
                To = parse.GetValue(to) ?? throw new BadInputException("--to is required", "e.g. `provision upgrade --all --to 1.1.0`"),
                All = parse.GetValue(all),
                Tenants = names,
                From = parse.GetValue(from),
                Canary = parse.GetValue(canary)!,
                WaveSize = parse.GetValue(waveSize)!,
                Parallel = parse.GetValue(parallel),
                MaxFailures = parse.GetValue(maxFailures),
                IncludePinned = parse.GetValue(includePinned),
                IgnoreWindows = parse.GetValue(ignoreWindows),
                MonitorSeconds = parse.GetValue(monitor),
            };
            if (parse.GetValue(dryRun))
            {
                UpgradeViews.RenderPlan(await services.Provisioner.PlanUpgradeAsync(request ?? throw new BadInputException("--dry-run needs --to"), ct), output);
                return 0;
            }

            FleetResult result;
            if (parse.GetValue(resume) && names.Count == 0)
            {
                var resumed = await services.Provisioner.ResumeUpgradeAsync(request, progress, ct);
                if (resumed is null)
                {
                    if (output.Json)
                    {
                        output.WriteJson(new { resumed = false, message = "nothing left to resume" });
                    }
                    else
                    {
                        output.Line("Nothing left to resume.");
                    }

                    return 0;
                }

                result = resumed;
            }
            else
            {
                result = await services.Provisioner.UpgradeAsync(request!, progress, ct);
            }

            UpgradeViews.Render(result, output);
            foreach (var path in reports)
            {
                UpgradeViews.WriteReport(result, path);
                output.Progress($"report written: {path}");
            }

            return result.Succeeded ? 0 : ExitCodes.Failed;
        });
        return command;
    }
}
