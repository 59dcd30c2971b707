namespace Provisioner.Aws.Capacity;

/// <summary>
/// The account's service quotas in the target region, as configured in provisioner.yaml (<c>aws.quotas</c>); no live
/// calls. Defaults are AWS's default quotas for a new account; raise them to what Service Quotas shows for yours.
/// </summary>
public sealed record AwsQuotas
{
    /// <summary>VPCs per region. Default 5.</summary>
    public int Vpcs { get; init; } = 5;

    /// <summary>Elastic IP addresses per region (one per tenant, for its NAT gateway). Default 5.</summary>
    public int ElasticIps { get; init; } = 5;

    /// <summary>NAT gateways per availability zone. Default 5.</summary>
    public int NatGatewaysPerAz { get; init; } = 5;

    /// <summary>Application load balancers per region. Default 50.</summary>
    public int LoadBalancers { get; init; } = 50;

    /// <summary>RDS DB instances per region. Default 40.</summary>
    public int RdsInstances { get; init; } = 40;

    /// <summary>RDS total storage in GiB per region. Default 100000.</summary>
    public int RdsStorageGb { get; init; } = 100000;

    /// <summary>Fargate on-demand vCPUs per region. Default 6 (new accounts; often raised).</summary>
    public double FargateVcpus { get; init; } = 6;
}
