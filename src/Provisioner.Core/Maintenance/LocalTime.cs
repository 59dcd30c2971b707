namespace Provisioner.Core.Maintenance;

/// <summary>
/// A wall-clock time in a zone as an instant. A time a daylight-saving change skips (02:30 on a spring-forward night) is
/// the instant the clocks jump to; a time it repeats (02:30 on a fall-back night) is its first occurrence.
/// </summary>
internal static class LocalTime
{
    public static DateTimeOffset ToUtc(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            // In the gap: move forward minute by minute to the first valid time (at most a few hours).
            var shifted = local;
            while (zone.IsInvalidTime(shifted))
            {
                shifted = shifted.AddMinutes(1);
            }

            return new DateTimeOffset(shifted, zone.GetUtcOffset(shifted)).ToUniversalTime();
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }
}
