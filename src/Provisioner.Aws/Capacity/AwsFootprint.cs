using Provisioner.Aws.Backend;
using Provisioner.Aws.Program;
using Provisioner.Core.Templates;

namespace Provisioner.Aws.Capacity;

/// <summary>
/// What one tenant stack takes from the account's quotas: one VPC, one Elastic IP, one NAT gateway (in the first AZ),
/// one ALB, its RDS instances with their storage, and during a rollout twice its services' Fargate vCPUs
/// (deploymentMaximumPercent 200).
/// </summary>
public sealed record AwsFootprint(int Vpcs, int ElasticIps, int NatGateways, int LoadBalancers, int RdsInstances, int RdsStorageGb, double FargateVcpus)
{
    /// <summary>The footprint of the program generated for <paramref name="template"/> at <paramref name="size"/>.</summary>
    public static AwsFootprint For(ProductTemplate template, SizeSpec size)
    {
        var layout = TenantLayout.Of(template, size, new AwsBackendOptions());
        var vcpus = layout.Services.Sum(s => s.Task.CpuUnits) / 1024.0;
        return new AwsFootprint(1, 1, 1, 1, layout.Databases.Count, layout.Databases.Count * layout.Tenant.DbStorageGb, 2 * vcpus);
    }

    /// <summary>A tenant as one task of the whole size and one database (a template not known yet).</summary>
    public static AwsFootprint For(SizeSpec size)
    {
        var fargate = FargateSize.For(size);
        return new AwsFootprint(1, 1, 1, 1, 1, fargate.DbStorageGb, 2 * fargate.CpuUnits / 1024.0);
    }
}
