using System.Globalization;

namespace Provisioner.Core.Maintenance;

/// <summary>How instants are written in window and freeze messages: <c>2026-12-06 02:00 UTC</c>.</summary>
public static class WindowText
{
    public static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";
}
