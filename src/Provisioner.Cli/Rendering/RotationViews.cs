using System.Globalization;
using Provisioner.Core.Rotation;
using Spectre.Console;

namespace Provisioner.Cli.Rendering;

/// <summary><c>provision rotate</c> as lines, a table and JSON. Secret values are never shown: names only.</summary>
internal static class RotationViews
{
    public static string Line(RotationResult r) => r.Succeeded
        ? string.Create(CultureInfo.InvariantCulture,
            $"Rotated {string.Join(", ", r.Secrets.Select(Describe))} of {r.Tenant} in {r.Elapsed.TotalSeconds:0.0} s: the new password logs in over TCP, the old one is refused; {r.ChecksPassed} health check(s) passed.")
        : $"{r.Tenant}: rotation failed: {r.Error}";

    public static Table Table(IReadOnlyList<RotationResult> results)
    {
        var table = new Table().AddColumns("TENANT", "OUTCOME", "SECRETS", "TIME", "WHY");
        foreach (var r in results)
        {
            table.AddRow(
                Cell.Escape(r.Tenant), r.Succeeded ? "[green]rotated[/]" : "[red]failed[/]", Cell.Escape(r.Secrets.Count == 0 ? "-" : string.Join(", ", r.Secrets.Select(Describe))),
                Cell.Escape(string.Create(CultureInfo.InvariantCulture, $"{r.Elapsed.TotalSeconds:0.0} s")), Cell.Escape(r.Error ?? "-"));
        }

        return table;
    }

    public static string Summary(IReadOnlyList<RotationResult> results) => results.Count == 0
        ? "Nothing to rotate: no running tenant has a rotatable secret."
        : $"Rotated {results.Count(r => r.Succeeded)} of {results.Count} tenant(s){(results.Any(r => !r.Succeeded) ? $"; failed: {string.Join(", ", results.Where(r => !r.Succeeded).Select(r => r.Tenant))} (rerun `provision rotate TENANT`: it finishes a rotation begun)" : "")}.";

    public static object Json(RotationResult r) => new
    {
        tenant = r.Tenant,
        rotated = r.Succeeded,
        secrets = r.Secrets.Select(s => new { secret = s.Secret, role = s.Role, components = s.Components, resumed = s.Resumed }),
        checksPassed = r.ChecksPassed,
        error = r.Error,
        seconds = Math.Round(r.Elapsed.TotalSeconds, 1),
    };

    private static string Describe(RotatedSecret s) => $"{s.Secret} (role {s.Role}; {string.Join(", ", s.Components)}{(s.Resumed ? "; resumed" : "")})";
}
