using Provisioner.Core.Maintenance;

namespace Provisioner.Cli.Rendering;

/// <summary>How <c>freeze</c>, <c>unfreeze</c> and <c>list</c> show the fleet's freeze.</summary>
internal static class FreezeViews
{
    public static object? Json(FleetFreeze f) => new { until = f.Until, reason = f.Reason, setBy = f.SetBy, setAt = f.SetAt };

    /// <summary>The one line <c>list</c> prints above its table while the fleet is frozen.</summary>
    public static string Banner(FleetFreeze f) =>
        $"FLEET FROZEN until {WindowText.Instant(f.Until)} ({f.Reason}; set by {f.SetBy}): changes are refused unless run with --force.";

    public static void Render(FleetFreeze f, bool frozen, CliOutput output)
    {
        if (output.Json)
        {
            output.WriteJson(new { frozen, freeze = frozen ? Json(f) : null, lifted = frozen ? null : Json(f) });
            return;
        }

        output.Line(frozen
            ? $"Fleet frozen until {WindowText.Instant(f.Until)} ({f.Reason}): every change is refused (exit 3) unless run with --force; `provision unfreeze` ends it."
            : $"Fleet unfrozen (the freeze until {WindowText.Instant(f.Until)}, {f.Reason}, is lifted); changes are allowed again.");
    }
}
