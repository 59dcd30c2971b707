using Provisioner.Core.Maintenance;
using Provisioner.Core.Tenants;

namespace Provisioner.Core.Upgrades;

/// <summary>
/// A tenant a fleet upgrade would touch but whose maintenance window is closed now: it waits until the window opens. A
/// window this machine cannot read (its zone unknown here) keeps the tenant out too, blocking, so the run says so.
/// </summary>
internal static class WindowWait
{
    /// <summary>The tenant as waiting, or null when it has no window or its window is open at <paramref name="now"/>.</summary>
    public static ExcludedTenant? Of(TenantRecord tenant, DateTimeOffset now)
    {
        if (tenant.MaintenanceWindow is not { } text)
        {
            return null;
        }

        MaintenanceWindow window;
        try
        {
            window = MaintenanceWindow.Parse(text);
        }
        catch (Errors.BadInputException e)
        {
            // e.g. a shared registry written on a machine whose tz data has a zone this one lacks: never guess "open".
            return new ExcludedTenant(
                tenant.Name, tenant.Version, $"its maintenance window cannot be read on this machine ({e.Message}); --ignore-windows to upgrade it anyway", Blocking: true)
            {
                Status = tenant.Status, Window = text,
            };
        }

        if (window.IsOpenAt(now))
        {
            return null;
        }

        var opens = window.NextOpening(now);
        return new ExcludedTenant(tenant.Name, tenant.Version, $"waiting: its window {text} opens {WindowText.Instant(opens)}")
        {
            Status = tenant.Status, WaitingUntil = opens, Window = text,
        };
    }
}
