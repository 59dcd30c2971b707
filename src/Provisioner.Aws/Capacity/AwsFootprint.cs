using Provisioner.Aws.Backend;
using Provisioner.Core.Templates;

namespace Provisioner.Aws.Capacity;

/// <summary>
/// What one tenant stack of infra/aws/Pulumi.yaml takes from the account's quotas: one VPC, one Elastic IP, one NAT
/// gateway (in the first AZ), one ALB, one RDS instance with its storage, and during a rollout twice its Fargate vCPUs
/// (deploymentMaximumPercent 200).
/// </summary>
public sealed record AwsFootprint(int Vpcs, int ElasticIps, int NatGateways, int LoadBalancers, int RdsInstances, int RdsStorageGb, double FargateVcpus)
{
    public static AwsFootprint For(SizeSpec size)
    {
        var fargate = FargateSize.For(size);
        return new AwsFootprint(1, 1, 1, 1, 1, fargate.DbStorageGb, 2 * fargate.CpuUnits / 1024.0);
    }
}
