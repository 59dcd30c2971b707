using Provisioner.Core.Errors;

namespace Provisioner.Aws.Pulumi.Errors;

/// <summary>Pulumi Cloud refused the update because another one is running on the stack (HTTP 409). Exit code 3.</summary>
public sealed class ConcurrentUpdateException(string stack, string? stderr = null)
    : PulumiException(
        $"another update is already running on stack {stack}",
        ExitCodes.Locked,
        "wait for it to finish and rerun; see https://www.pulumi.com/docs/support/troubleshooting/common-issues/update-conflicts/",
        stderr);
