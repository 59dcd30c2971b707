using Provisioner.Core.Maintenance;
using Provisioner.Core.Tenants;

namespace Provisioner.Core.Upgrades;

/// <summary>A tenant a fleet upgrade would touch but whose maintenance window is closed now: it waits until the window opens.</summary>
internal static class WindowWait
{
    /// <summary>The tenant as waiting, or null when it has no window or its window is open at <paramref name="now"/>.</summary>
    public static ExcludedTenant? Of(TenantRecord tenant, DateTimeOffset now)
    {
        if (tenant.MaintenanceWindow is not { } text)
        {
            return null;
        }

        var window = MaintenanceWindow.Parse(text);
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
