using System.CommandLine;
using Provisioner.Cli.Rendering;
using Provisioner.Core.Errors;
using Provisioner.Core.Templates;
using Spectre.Console;

namespace Provisioner.Cli.Commands;

/// <summary><c>provision status NAME</c>: live containers, each check's result now, endpoint, version, recent operations. Exit 5 when a check fails.</summary>
internal static class StatusCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var name = new Argument<string>("name") { Description = "Tenant to inspect" };
        var command = new Command("status", "Show a tenant's live state and run its health checks once") { name };
        command.SetHandler(globals, async (parse, services, output, ct) =>
        {
            var report = await services.Provisioner.StatusAsync(parse.GetValue(name)!, ct);
            var healthy = report.Healthy;
            var suspended = report.Tenant?.Status == Core.Tenants.TenantStatus.Suspended;   // no compute by design: not a failure
            if (output.Json)
            {
                output.WriteJson(new
                {
                    tenant = report.Tenant is null ? null : Views.Tenant(report.Tenant),
                    components = report.Observation.Components.Select(Views.Component),
                    missing = report.Missing,
                    networks = report.Observation.Networks,
                    volumes = report.Observation.Volumes,
                    health = Views.Health(report.Health),
                    operations = report.RecentOperations.Select(Views.Operation),
                });
                return healthy || suspended ? ExitCodes.Ok : ExitCodes.Unhealthy;
            }

            var t = report.Tenant;
            output.Line(t is null
                ? $"Tenant {parse.GetValue(name)} is not in the registry, but resources labelled for it exist:"
                : $"Tenant {t.Name}: {t.Status}, {t.TemplateRef} ({t.Size}) on {t.Host}, endpoint {t.Endpoint ?? "-"}{(t.LastError is null ? "" : $"\n  last error: {t.LastError}")}{(t.MaintenanceWindow is null ? "" : $"\n  maintenance window: {WindowViews.Text(t, services.Time.GetUtcNow())}")}");
            // A backend over several hosts says where each component runs: a NODE column then.
            var nodes = report.Observation.Components.Any(c => c.Node is not null);
            var containers = new Table().AddColumns(nodes
                ? ["COMPONENT", "SERVICE", "NODE", "STATE", "IMAGE", "CPU", "MEMORY", "PUBLISHED"]
                : ["COMPONENT", "CONTAINER", "STATE", "IMAGE", "CPU", "MEMORY", "PUBLISHED"]);
            foreach (var c in report.Observation.Components)
            {
                var cells = new List<string> { Cell.Escape(c.Component), Cell.Escape(c.Name) };
                if (nodes)
                {
                    cells.Add(Cell.Escape(c.Node ?? "-"));
                }

                cells.AddRange([
                    Cell.Status(c.Status), Cell.Escape(c.Image),
                    Cell.Escape(c.Cpus?.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) ?? "-"),
                    Cell.Escape(c.MemoryBytes is long m ? Quantity.FormatBytes(m) : "-"), Cell.Escape(c.PublishedOn ?? "-")]);
                containers.AddRow([.. cells]);
            }

            if (report.Observation.Components.Count > 0)
            {
                output.Human.Write(containers);
            }
            else
            {
                output.Line("No containers.");
            }

            if (report.Missing.Count > 0)
            {
                output.Line($"Missing: {string.Join(", ", report.Missing)} (removed from under the others: `provision tenant {t!.Name}` makes {(report.Missing.Count == 1 ? "it" : "them")} again)");
            }

            if (report.Health is { } health)
            {
                output.Human.Write(HealthTable.For(health));
                if (!health.Passed && t is { HostPort: null, Endpoint: { } endpoint } && endpoint.StartsWith("https://", StringComparison.Ordinal) && services.Provisioner.Edge is null)
                {
                    output.Line($"{t.Name} is behind the edge proxy, which is off for this run (PROVISIONER_EDGE=off or edge: {{ enabled: false }}): its checks could not go through it; run `provision status {t.Name}` without them.");
                }
            }

            if (suspended)
            {
                output.Line($"Suspended: its compute is stopped on purpose; data volumes and port are kept. `provision resume {t!.Name}` brings it back.");
            }
            else if (report.Health is null && !healthy)
            {
                output.Line("No container of this tenant is running, so no check could pass: rerun `provision tenant` to converge.");
            }

            output.Line($"Networks: {NoneIfEmpty(report.Observation.Networks)}; volumes: {NoneIfEmpty(report.Observation.Volumes)}");
            foreach (var op in report.RecentOperations.Take(3))
            {
                output.Line($"  op {op.Id} {op.Kind} {op.Status} {op.StartedAt:u} {op.Detail}{(op.Error is null ? "" : $": {op.Error.Split('\n')[0]}")}");
            }

            return healthy || suspended ? ExitCodes.Ok : ExitCodes.Unhealthy;
        });
        return command;
    }

    private static string NoneIfEmpty(IEnumerable<string> names) => names.Any() ? string.Join(", ", names) : "none";
}
