namespace Provisioner.Aws.Pulumi.Errors;

/// <summary>The pulumi CLI is older than the driver supports, or its version cannot be read.</summary>
public sealed class PulumiVersionException(string found, Version minimum)
    : PulumiException(
        $"the Pulumi CLI reports version '{found}', but the AWS backend needs {minimum} or newer",
        hint: "upgrade it (https://www.pulumi.com/docs/install/); nothing was created");
