namespace Provisioner.Core.Errors;

/// <summary>The entry port recorded for a tenant was taken by another process between the check and the container start.</summary>
public sealed class PortTakenException(string message, string? hint = null, Exception? inner = null)
    : ProvisionerException(message, ExitCodes.Failed, hint, inner);
