namespace Provisioner.Aws.Pulumi.Errors;

/// <summary>The tenant's stack does not exist in the state backend.</summary>
public sealed class StackNotFoundException(string stack, string? stderr = null)
    : PulumiException($"stack {stack} does not exist in the Pulumi state backend", hint: "`provision tenant NAME --backend aws` creates it", stderr: stderr)
{
    public string Stack { get; } = stack;
}
