namespace Provisioner.Aws.Capacity;

/// <summary>One quota against the tenants already on the account plus the one asked for.</summary>
public sealed record AwsQuotaCheck(string Quota, double Used, double Needed, double Limit)
{
    public bool Fits => Used + Needed <= Limit;

    /// <summary>Every quota for adding <paramref name="next"/> to the tenants <paramref name="existing"/>, tightest first.</summary>
    public static IReadOnlyList<AwsQuotaCheck> Evaluate(AwsQuotas quotas, IEnumerable<AwsFootprint> existing, AwsFootprint next)
    {
        var all = existing.ToList();
        return new[]
        {
            new AwsQuotaCheck("VPCs per region", all.Sum(f => f.Vpcs), next.Vpcs, quotas.Vpcs),
            new AwsQuotaCheck("Elastic IPs per region", all.Sum(f => f.ElasticIps), next.ElasticIps, quotas.ElasticIps),
            new AwsQuotaCheck("NAT gateways per AZ", all.Sum(f => f.NatGateways), next.NatGateways, quotas.NatGatewaysPerAz),
            new AwsQuotaCheck("Application load balancers", all.Sum(f => f.LoadBalancers), next.LoadBalancers, quotas.LoadBalancers),
            new AwsQuotaCheck("RDS DB instances", all.Sum(f => f.RdsInstances), next.RdsInstances, quotas.RdsInstances),
            new AwsQuotaCheck("RDS storage (GiB)", all.Sum(f => f.RdsStorageGb), next.RdsStorageGb, quotas.RdsStorageGb),
            new AwsQuotaCheck("Fargate vCPUs (rollout peak)", all.Sum(f => f.FargateVcpus), next.FargateVcpus, quotas.FargateVcpus),
        }.OrderBy(c => (c.Limit - c.Used - c.Needed) / Math.Max(c.Limit, 1)).ToList();
    }
}
