namespace Provisioner.Core.Errors;

/// <summary>The tenant was applied but its health gate did not pass.</summary>
public sealed class UnhealthyException(string message, string? hint = null)
    : ProvisionerException(message, ExitCodes.Unhealthy, hint);
