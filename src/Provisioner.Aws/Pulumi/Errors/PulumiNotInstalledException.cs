namespace Provisioner.Aws.Pulumi.Errors;

/// <summary>No pulumi CLI on the PATH (or at the configured path). Raised before anything is created.</summary>
public sealed class PulumiNotInstalledException(string executable, Version minimum)
    : PulumiException(
        $"the AWS backend needs the Pulumi CLI, and `{executable}` was not found on the PATH",
        hint: $"install Pulumi CLI {minimum} or newer from https://www.pulumi.com/docs/install/ and put `pulumi` on the PATH; nothing was created");
