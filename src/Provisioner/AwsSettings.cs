namespace Provisioner;

/// <summary>
/// The AWS backend: one Pulumi stack per tenant, driven through the <c>pulumi</c> CLI. Every setting is optional; credentials
/// come from the AWS CLI/SDK chain (AWS_PROFILE, ...), never from here.
/// </summary>
public sealed record AwsSettings
{
    /// <summary>Region for every tenant stack. Default: the AWS CLI/SDK default.</summary>
    public string? Region { get; init; }

    /// <summary>Registry holding the app images, e.g. <c>123456789012.dkr.ecr.eu-west-1.amazonaws.com</c>.</summary>
    public string? ImageRegistry { get; init; }

    /// <summary>Pulumi state backend URL (PULUMI_BACKEND_URL wins). Default <c>file://&lt;Home&gt;/pulumi/state</c>.</summary>
    public string? StateUrl { get; init; }

    /// <summary>The pulumi executable. Default <c>pulumi</c> on the PATH.</summary>
    public string? Pulumi { get; init; }

    /// <summary>The AWS CLI v2 executable. Default <c>aws</c> on the PATH.</summary>
    public string? AwsCli { get; init; }

    /// <summary>Health gate deadline for AWS tenants (a load balancer and Fargate tasks take minutes). Default 15 minutes.</summary>
    public TimeSpan HealthDeadline { get; init; } = TimeSpan.FromMinutes(15);
}
