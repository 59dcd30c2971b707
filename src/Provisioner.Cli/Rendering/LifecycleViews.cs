using System.Globalization;
using Provisioner.Core.Capacity;
using Provisioner.Core.Lifecycle;
using Spectre.Console;

namespace Provisioner.Cli.Rendering;

/// <summary>The JSON shapes and tables of <c>offboard</c>, <c>offboarded</c>, <c>purge</c> and <c>expire</c>.</summary>
internal static class LifecycleViews
{
    public static object Set(OffboardedSet s) => new
    {
        id = s.Id,
        tenant = s.Tenant,
        template = s.TemplateRef,
        size = s.Size,
        backend = s.Backend,
        offboardedAt = s.OffboardedAt,
        keepUntil = s.KeepUntil,
        bytes = s.Bytes,
        folder = s.Folder,
    };

    public static Table SetsTable(IEnumerable<OffboardedSet> sets, DateTimeOffset now)
    {
        var table = new Table().AddColumns("TENANT", "TEMPLATE", "SIZE", "OFFBOARDED", "KEEP UNTIL", "ON DISK", "ID");
        foreach (var s in sets)
        {
            table.AddRow(
                Cell.Escape(s.Tenant), Cell.Escape(s.TemplateRef), Cell.Escape(s.Size), Cell.Escape(When(s.OffboardedAt)),
                Cell.Escape(When(s.KeepUntil) + (s.Expired(now) ? " (expired)" : $" ({TimeLeft.Span(s.KeepUntil - now)} left)")),
                Cell.Escape(Units.Bytes(s.Bytes)), Cell.Escape(s.Id));
        }

        return table;
    }

    public static object Expired(ExpiredTenant t) => new { tenant = t.Tenant, template = t.Template, expiresAt = t.ExpiresAt, outcome = t.Outcome, error = t.Error };

    public static string When(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";
}
