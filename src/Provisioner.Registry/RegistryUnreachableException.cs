using Provisioner.Core.Errors;

namespace Provisioner.Registry;

/// <summary>
/// The shared registry could not be reached, or its connection broke mid-operation (the database restarted). Nothing is
/// half-recorded: every write that spans rows is one transaction, so running the same command again converges.
/// </summary>
public sealed class RegistryUnreachableException(string endpoint, string reason, Exception? inner = null)
    : ProvisionerException($"registry at {endpoint} is unreachable ({reason}); rerun the same command to converge", ExitCodes.Failed, null, inner)
{
    public string Endpoint { get; } = endpoint;
}
