namespace Provisioner.Core.Errors;

/// <summary>The request itself is wrong (name, template, flag); nothing was changed.</summary>
public sealed class BadInputException(string message, string? hint = null)
    : ProvisionerException(message, ExitCodes.BadInput, hint);
