namespace Provisioner.Aws.Backend;

/// <summary>Where and how tenants are stamped out on AWS. Every default works with the AWS CLI's own credentials and region.</summary>
public sealed record AwsBackendOptions
{
    /// <summary>AWS region (<c>aws:region</c> on each stack, <c>--region</c> for the AWS CLI). Default: the AWS CLI/SDK default (AWS_REGION, profile).</summary>
    public string? Region { get; init; }

    /// <summary>
    /// Registry prefix for app images, e.g. <c>123456789012.dkr.ecr.eu-west-1.amazonaws.com</c>: the template's
    /// <c>app:1.1.0</c> becomes <c>&lt;registry&gt;/app:1.1.0</c>. Default none (the image reference is used as is).
    /// </summary>
    public string? ImageRegistry { get; init; }

    /// <summary>
    /// The owner (uid) of the tenant's volumes on EFS: every file operation through a volume's access point runs as this
    /// user, whatever user the image runs as. Default 10001, the user the repository's image convention runs apps as.
    /// </summary>
    public int VolumeUid { get; init; } = 10001;

    /// <summary>The group (gid) of the tenant's volumes on EFS. Default 10001.</summary>
    public int VolumeGid { get; init; } = 10001;

    /// <summary>The AWS CLI v2 executable, used for one-off ECS tasks (migrations, SQL checks) and logs. Default <c>aws</c>.</summary>
    public string AwsCli { get; init; } = "aws";

    /// <summary>Longest a one-off ECS task (migration or check) may take, start to stop. Default 15 minutes.</summary>
    public TimeSpan TaskTimeout { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>The name recorded as the tenant's host in the registry: <c>aws:&lt;region&gt;</c>.</summary>
    public string HostLabel => $"aws:{Region ?? "default-region"}";

    public AwsBackendOptions Validate()
    {
        var errors = new List<string>();
        if (Region is not null && !System.Text.RegularExpressions.Regex.IsMatch(Region, "^[a-z]{2}(-[a-z]+)+-[0-9]$"))
        {
            errors.Add($"aws.region '{Region}' is not a region name (e.g. eu-west-1)");
        }

        if (string.IsNullOrWhiteSpace(AwsCli))
        {
            errors.Add("aws.awsCli is empty");
        }

        if (VolumeUid < 0 || VolumeGid < 0)
        {
            errors.Add("the volume owner (uid, gid) must not be negative");
        }

        if (TaskTimeout <= TimeSpan.Zero)
        {
            errors.Add("the one-off task timeout must be positive");
        }

        return errors.Count == 0 ? this : throw new Core.Errors.BadInputException("invalid aws settings: " + string.Join("; ", errors));
    }
}
