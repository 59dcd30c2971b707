using Provisioner.Core.Maintenance;
using Provisioner.Core.Tenants;

namespace Provisioner.Cli.Rendering;

/// <summary>How a tenant's maintenance window is shown: set, cleared, open now or when it next opens.</summary>
internal static class WindowViews
{
    /// <summary>Whether the window is open at <paramref name="now"/>, and when it closes or next opens; null without a window.</summary>
    public static (bool Open, DateTimeOffset Closes, DateTimeOffset NextOpening)? State(TenantRecord t, DateTimeOffset now)
    {
        if (t.MaintenanceWindow is not { } text)
        {
            return null;
        }

        MaintenanceWindow window;
        try
        {
            window = MaintenanceWindow.Parse(text);
        }
        catch (Core.Errors.BadInputException)
        {
            return null; // written where its zone is known; shown as text only (see Text)
        }

        var open = window.OpenAt(now);
        return (open is not null, open?.Closes ?? default, window.NextOpening(now));
    }

    /// <summary>For tables: <c>Sun 02:00-04:00 UTC (opens 2026-12-06 02:00 UTC)</c>, <c>... (open now)</c> or <c>-</c>.</summary>
    public static string Text(TenantRecord t, DateTimeOffset now) => State(t, now) switch
    {
        null => t.MaintenanceWindow is null ? "-" : $"{t.MaintenanceWindow} (its zone is unknown on this machine)",
        { Open: true } s => $"{t.MaintenanceWindow} (open until {WindowText.Instant(s.Closes)})",
        var s => $"{t.MaintenanceWindow} (opens {WindowText.Instant(s.Value.NextOpening)})",
    };

    public static object? Json(TenantRecord t, DateTimeOffset now) => State(t, now) is not { } s ? (t.MaintenanceWindow is null ? null : new { window = t.MaintenanceWindow, unreadable = true }) : new
    {
        window = t.MaintenanceWindow,
        open = s.Open,
        closesAt = s.Open ? s.Closes : (DateTimeOffset?)null,
        nextOpening = s.NextOpening,
    };

    public static void Render(TenantRecord t, DateTimeOffset now, CliOutput output)
    {
        if (output.Json)
        {
            output.WriteJson(new { tenant = t.Name, maintenanceWindow = Json(t, now) });
            return;
        }

        output.Line(State(t, now) switch
        {
            null when t.MaintenanceWindow is not null => $"{t.Name}: maintenance window {t.MaintenanceWindow}; its zone is unknown on this machine, so fleet upgrades leave it out here.",
            null => $"{t.Name} has no maintenance window: `upgrade --all` may change it at any time.",
            { Open: true } s => $"{t.Name}: maintenance window {t.MaintenanceWindow}; open now (until {WindowText.Instant(s.Closes)}), next opens {WindowText.Instant(s.NextOpening)}.",
            var s => $"{t.Name}: maintenance window {t.MaintenanceWindow}; closed now, next opens {WindowText.Instant(s.Value.NextOpening)}.",
        });
    }
}
