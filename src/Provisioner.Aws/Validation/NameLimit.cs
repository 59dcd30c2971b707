namespace Provisioner.Aws.Validation;

/// <summary>An AWS name limit: the longest value <see cref="Property"/> of <see cref="Type"/> may have, and whether only letters, digits and '-' are allowed.</summary>
internal sealed record NameLimit(string Type, string Property, int MaxLength, bool AlphanumericAndHyphens = false)
{
    /// <summary>From the provider's input descriptions and the AWS service limits.</summary>
    public static IReadOnlyList<NameLimit> All { get; } =
    [
        new("aws:lb/loadBalancer:LoadBalancer", "name", 32, true),
        new("aws:lb/loadBalancer:LoadBalancer", "namePrefix", 6, true),
        new("aws:lb/targetGroup:TargetGroup", "name", 32, true),
        new("aws:lb/targetGroup:TargetGroup", "namePrefix", 6, true),
        new("aws:rds/instance:Instance", "identifier", 63, true),
        new("aws:rds/instance:Instance", "identifierPrefix", 37, true),
        new("aws:rds/instance:Instance", "finalSnapshotIdentifier", 255, true),
        new("aws:rds/subnetGroup:SubnetGroup", "name", 255),
        new("aws:iam/role:Role", "name", 64),
        new("aws:iam/role:Role", "namePrefix", 38),
        new("aws:iam/rolePolicy:RolePolicy", "name", 128),
        new("aws:ecs/cluster:Cluster", "name", 255),
        new("aws:ecs/service:Service", "name", 255),
        new("aws:ecs/taskDefinition:TaskDefinition", "family", 255),
        new("aws:cloudwatch/logGroup:LogGroup", "name", 512),
        new("aws:secretsmanager/secret:Secret", "name", 512),
        new("aws:secretsmanager/secret:Secret", "namePrefix", 505),
        new("aws:s3/bucket:Bucket", "bucket", 63),
        new("aws:s3/bucket:Bucket", "bucketPrefix", 37),
        new("aws:ec2/securityGroup:SecurityGroup", "name", 255),
        new("aws:kms/alias:Alias", "name", 256),
    ];
}
