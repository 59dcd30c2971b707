using Provisioner.Aws.Capacity;

namespace Provisioner.Cli.Hosting;

/// <summary><c>aws.quotas:</c> the account's service quotas in the region; unset keys keep AWS's defaults (see <see cref="AwsQuotas"/>).</summary>
public sealed class AwsQuotaSettings
{
    public int? Vpcs { get; set; }

    public int? ElasticIps { get; set; }

    public int? NatGatewaysPerAz { get; set; }

    public int? LoadBalancers { get; set; }

    public int? RdsInstances { get; set; }

    public int? RdsStorageGb { get; set; }

    public double? FargateVcpus { get; set; }

    public AwsQuotas ToQuotas()
    {
        var d = new AwsQuotas();
        return new AwsQuotas
        {
            Vpcs = Vpcs ?? d.Vpcs,
            ElasticIps = ElasticIps ?? d.ElasticIps,
            NatGatewaysPerAz = NatGatewaysPerAz ?? d.NatGatewaysPerAz,
            LoadBalancers = LoadBalancers ?? d.LoadBalancers,
            RdsInstances = RdsInstances ?? d.RdsInstances,
            RdsStorageGb = RdsStorageGb ?? d.RdsStorageGb,
            FargateVcpus = FargateVcpus ?? d.FargateVcpus,
        };
    }
}
