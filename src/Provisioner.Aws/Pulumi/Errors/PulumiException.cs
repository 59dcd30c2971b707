using Provisioner.Core.Errors;

namespace Provisioner.Aws.Pulumi.Errors;

/// <summary>A pulumi command failed; the message ends with the last lines it wrote to stderr (secrets scrubbed).</summary>
public class PulumiException(string message, int exitCode = ExitCodes.Failed, string? hint = null, string? stderr = null)
    : ProvisionerException(message, exitCode, hint)
{
    public string? Stderr { get; } = stderr;
}
