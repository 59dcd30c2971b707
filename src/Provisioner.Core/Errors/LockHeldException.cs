namespace Provisioner.Core.Errors;

/// <summary>Another process holds the lock this operation needs.</summary>
public sealed class LockHeldException(string resource, string holder)
    : ProvisionerException(
        $"{resource} is locked by {holder}",
        ExitCodes.Locked,
        "wait for that operation to finish, or stop it; the lock is released when its process exits")
{
    public string Resource { get; } = resource;

    public string Holder { get; } = holder;
}
