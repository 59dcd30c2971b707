namespace Provisioner.Core.Errors;

/// <summary>The infrastructure backend (an engine, a cloud driver...) cannot be reached or used.</summary>
public sealed class BackendUnavailableException(string message, string? hint = null, Exception? inner = null)
    : ProvisionerException(message, ExitCodes.Failed, hint, inner);
