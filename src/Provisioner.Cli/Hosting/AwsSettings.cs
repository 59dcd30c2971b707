namespace Provisioner.Cli.Hosting;

/// <summary>
/// <c>aws:</c> in provisioner.yaml: the AWS target used by <c>--backend aws</c> (or <c>backend: aws</c>). Every key is
/// optional; credentials come from the AWS CLI/SDK chain (AWS_PROFILE, AWS_ACCESS_KEY_ID, ...), never from this file.
/// </summary>
public sealed class AwsSettings
{
    /// <summary>Region for every tenant stack. Default: the AWS CLI/SDK default (AWS_REGION, profile).</summary>
    public string? Region { get; set; }

    /// <summary>Registry holding the app images, e.g. <c>123456789012.dkr.ecr.eu-west-1.amazonaws.com</c>.</summary>
    public string? ImageRegistry { get; set; }

    /// <summary>Pulumi state backend URL (PULUMI_BACKEND_URL wins). Default <c>file://$PROVISIONER_HOME/pulumi/state</c>.</summary>
    public string? StateUrl { get; set; }

    /// <summary>The pulumi executable. Default <c>pulumi</c> on the PATH.</summary>
    public string? Pulumi { get; set; }

    /// <summary>The AWS CLI v2 executable. Default <c>aws</c> on the PATH.</summary>
    public string? AwsCli { get; set; }

    /// <summary>Health gate deadline for AWS tenants (an ALB and Fargate tasks take minutes). Default 15m.</summary>
    public string? HealthDeadline { get; set; }

    /// <summary>Account quotas <c>provision capacity</c> checks AWS tenants against (no live calls).</summary>
    public AwsQuotaSettings Quotas { get; set; } = new();
}
