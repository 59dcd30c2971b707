using Provisioner.Aws.Process;

namespace Provisioner.Aws.Tests.Support;

/// <summary>
/// A fact that needs the real pulumi CLI on the PATH (and, with <see cref="NeedsAwsCredentials"/>, AWS credentials).
/// Without them the test is reported as skipped, with the reason.
/// </summary>
public sealed class PulumiFactAttribute : FactAttribute
{
    public PulumiFactAttribute()
    {
        if (ExecutableLocator.Find("pulumi") is null)
        {
            Skip = "needs the pulumi CLI on the PATH (not installable here); install it from https://www.pulumi.com/docs/install/ to run";
        }
    }

    /// <summary>Also needs AWS credentials, the aws CLI and PROVISIONER_AWS_IMAGE_REGISTRY (an ECR registry holding the notes images).</summary>
    public bool NeedsAwsCredentials
    {
        get => false;
        init
        {
            var hasCredentials = Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID") is { Length: > 0 }
                || Environment.GetEnvironmentVariable("AWS_PROFILE") is { Length: > 0 };
            var hasRegistry = Environment.GetEnvironmentVariable("PROVISIONER_AWS_IMAGE_REGISTRY") is { Length: > 0 };
            if (value && Skip is null && (!hasCredentials || !hasRegistry || ExecutableLocator.Find("aws") is null))
            {
                Skip = "needs AWS credentials (AWS_PROFILE or AWS_ACCESS_KEY_ID), PROVISIONER_AWS_IMAGE_REGISTRY and the aws CLI; it creates real, billed resources";
            }
        }
    }
}
