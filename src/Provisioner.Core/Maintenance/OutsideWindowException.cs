using Provisioner.Core.Errors;

namespace Provisioner.Core.Maintenance;

/// <summary>A tenant named for an upgrade is outside its maintenance window; nothing was changed. Exit 3, as a conflict.</summary>
public sealed class OutsideWindowException(string tenant, string window, DateTimeOffset opens)
    : ProvisionerException(
        $"{tenant} is outside its maintenance window ({window}); it next opens {WindowText.Instant(opens)}",
        ExitCodes.Locked,
        $"add --ignore-windows to upgrade it now, or wait until {WindowText.Instant(opens)}")
{
    public string Tenant { get; } = tenant;

    public DateTimeOffset Opens { get; } = opens;
}
