using System.CommandLine;
using System.Globalization;
using Provisioner.Cli.Rendering;
using Provisioner.Core.Provisioning;
using Spectre.Console;

namespace Provisioner.Cli.Commands;

/// <summary><c>provision tenant NAME</c>: create or converge a tenant and gate on its health.</summary>
internal static class TenantCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var name = new Argument<string>("name") { Description = "Tenant name: lowercase letters, digits and '-', starting with a letter (max 24)" };
        var template = new Option<string?>("--template", "-t") { Description = "Template as product or product@version (default: the tenant's current one, else defaultTemplate: in provisioner.yaml, else the only product; a bare product means its newest version)" };
        var size = new Option<string?>("--size", "-s") { Description = "Size (plan): one of the template's sizes (`provision templates` lists them; default: the template's defaultSize)" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Show what would change and change nothing" };
        var backend = new Option<string?>("--backend", "-b") { Description = "Where a new tenant runs: docker (default, or backend: in provisioner.yaml), swarm (a Docker Swarm cluster, swarm.manager) or aws (Pulumi)" };
        backend.AcceptOnlyFromAmong("docker", "swarm", "aws");
        var ttl = new Option<string?>("--ttl") { Description = "A demo copy: `provision expire` removes it (with its data) this long from now, e.g. 4h, 90m, 2d, 1w; a rerun without --ttl/--expires keeps the recorded expiry" };
        var expires = new Option<string?>("--expires") { Description = "Like --ttl, at an instant (UTC unless it says otherwise), e.g. 2026-12-02T10:00Z" };
        var command = new Command("tenant", "Provision a tenant, or converge an existing one; rerunning is safe") { name, template, size, dryRun, backend, ttl, expires };
        command.SetHandler(globals, async (parse, services, output, ct) =>
        {
            var request = new ProvisionRequest(
                parse.GetValue(name)!, parse.GetValue(template), parse.GetValue(size), parse.GetValue(dryRun), parse.GetValue(globals.Force), parse.GetValue(backend),
                parse.GetValue(ttl) is { } t ? Core.Lifecycle.LifeSpan.Parse(t, "--ttl") : null, ParseInstant(parse.GetValue(expires)));
            var progress = new LineProgress(output);
            try
            {
                var result = await services.Provisioner.ProvisionAsync(request, progress, ct);
                Render(result, output);
                return 0;
            }
            catch (TenantUnhealthyException e)
            {
                Render(e.Result, output);
                throw;
            }
        });
        return command;
    }

    private static DateTimeOffset? ParseInstant(string? text) =>
        text is null ? null
        : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at) ? at
        : throw new Core.Errors.BadInputException($"--expires '{text}' is not an instant", "write it as e.g. 2026-12-02T10:00Z (UTC), or use --ttl 4h");

    private static void Render(ProvisionResult r, CliOutput output)
    {
        if (output.Json)
        {
            output.WriteJson(new
            {
                tenant = Views.Tenant(r.Tenant),
                dryRun = r.DryRun,
                changed = r.Changes.Count > 0,
                changes = r.Changes.Select(Views.Change),
                health = Views.Health(r.Health),
                logTail = r.LogTail,
                elapsedSeconds = Math.Round(r.Elapsed.TotalSeconds, 3),
            });
            return;
        }

        var t = r.Tenant;
        if (r.DryRun)
        {
            output.Line(r.Changes.Count == 0
                ? $"Dry run: {t.Name} is up to date; nothing would change."
                : $"Dry run: {r.Changes.Count} change(s) would be made to {t.Name} ({t.TemplateRef}, {t.Size}):");
            foreach (var c in r.Changes)
            {
                output.Line($"  {c}");
            }

            return;
        }

        if (r.Health is { } health)
        {
            output.Human.Write(HealthTable.For(health));
        }

        var seconds = r.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
        var what = r.Changes.Count == 0 ? "no changes (already converged)" : $"{r.Changes.Count} change(s)";
        output.Line($"Tenant {t.Name} is {t.Status}: {t.TemplateRef} ({t.Size}) at {t.Endpoint ?? "-"}; {what} in {seconds} s.");
        if (t.ExpiresAt is { } at)
        {
            output.Line($"It expires at {at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC: `provision expire` then removes it with its data.");
        }
        if (r.LogTail is { Length: > 0 } logs)
        {
            output.Line("Last log lines of the app:");
            output.Line(logs.TrimEnd());
        }
    }
}
