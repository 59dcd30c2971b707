using Provisioner.Core.Errors;

namespace Provisioner.Core.Maintenance;

/// <summary>A change was asked for while the fleet is frozen; nothing was changed. Exit 3, as a conflict.</summary>
public sealed class FleetFrozenException(string command, FleetFreeze freeze)
    : ProvisionerException(
        $"the fleet is frozen until {WindowText.Instant(freeze.Until)} ({freeze.Reason}): `{command}` was refused and changed nothing",
        ExitCodes.Locked,
        "add --force to let this one command through, which the audit log records as forced; or run `provision unfreeze`")
{
    public FleetFreeze Freeze { get; } = freeze;
}
