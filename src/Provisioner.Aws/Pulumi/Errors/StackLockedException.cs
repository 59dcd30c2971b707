using Provisioner.Core.Errors;

namespace Provisioner.Aws.Pulumi.Errors;

/// <summary>Another pulumi process holds the stack's lock (file backend). Exit code 3, naming the holder.</summary>
public sealed class StackLockedException(string stack, string holder, string? stderr = null)
    : PulumiException(
        $"stack {stack} is locked by {holder}",
        ExitCodes.Locked,
        $"wait for that update to finish; if its process is gone, run `pulumi cancel --yes --stack {stack}` then rerun",
        stderr)
{
    public string Stack { get; } = stack;

    public string Holder { get; } = holder;
}
