using YamlDotNet.RepresentationModel;
using static Provisioner.Aws.Program.ProgramNames;
using static Provisioner.Aws.Program.YamlNodes;

namespace Provisioner.Aws.Program;

/// <summary>
/// The tenant's own network: a VPC over two availability zones, public subnets (load balancer, NAT gateway) and private
/// subnets (tasks, database, file system), an internet gateway, and one NAT gateway the tasks pull images and read
/// secrets through.
/// </summary>
internal static class NetworkSection
{
    public static readonly string[] PrivateSubnets = ["privateA", "privateB"];

    public static readonly string[] PublicSubnets = ["publicA", "publicB"];

    public static void Add(ProgramBuilder p)
    {
        var tags = Str(Ref(Tags));
        var vpc = Str(Ref("vpc", "id"));
        p.Resource("vpc", "aws:ec2/vpc:Vpc", Map(
            ("cidrBlock", Str("10.0.0.0/16")), ("enableDnsHostnames", Bool(true)), ("enableDnsSupport", Bool(true)), ("tags", tags)));
        p.Resource("igw", "aws:ec2/internetGateway:InternetGateway", Map(("vpcId", vpc), ("tags", tags)));
        string[] cidrs = ["10.0.0.0/24", "10.0.1.0/24", "10.0.10.0/24", "10.0.11.0/24"];
        for (var i = 0; i < 2; i++)
        {
            p.Resource(PublicSubnets[i], "aws:ec2/subnet:Subnet", Map(
                ("vpcId", vpc), ("cidrBlock", Str(cidrs[i])), ("availabilityZone", Str($"${{azs[{i}]}}")), ("mapPublicIpOnLaunch", Bool(false)), ("tags", tags)));
        }

        for (var i = 0; i < 2; i++)
        {
            p.Resource(PrivateSubnets[i], "aws:ec2/subnet:Subnet", Map(
                ("vpcId", vpc), ("cidrBlock", Str(cidrs[i + 2])), ("availabilityZone", Str($"${{azs[{i}]}}")), ("tags", tags)));
        }

        Routes(p, "public", PublicSubnets, ("gatewayId", Ref("igw", "id")));
        p.Resource("natIp", "aws:ec2/eip:Eip", Map(("domain", Str("vpc")), ("tags", tags)));
        p.Resource("nat", "aws:ec2/natGateway:NatGateway",
            Map(("allocationId", Str(Ref("natIp", "id"))), ("subnetId", Str(Ref(PublicSubnets[0], "id"))), ("tags", tags)),
            Map(("dependsOn", Flow(Ref("igw")))));
        Routes(p, "private", PrivateSubnets, ("natGatewayId", Ref("nat", "id")));
    }

    /// <summary>The private subnets' ids, as a list input.</summary>
    public static YamlSequenceNode PrivateIds() => Flow(PrivateSubnets.Select(s => Ref(s, "id")));

    public static YamlSequenceNode PublicIds() => Flow(PublicSubnets.Select(s => Ref(s, "id")));

    private static void Routes(ProgramBuilder p, string kind, string[] subnets, (string Key, string Value) target)
    {
        var table = $"{kind}Routes";
        p.Resource(table, "aws:ec2/routeTable:RouteTable", Map(("vpcId", Str(Ref("vpc", "id"))), ("tags", Str(Ref(Tags)))));
        p.Resource($"{kind}DefaultRoute", "aws:ec2/route:Route", Map(
            ("routeTableId", Str(Ref(table, "id"))), ("destinationCidrBlock", Str("0.0.0.0/0")), (target.Key, Str(target.Value))));
        foreach (var subnet in subnets)
        {
            p.Resource($"{subnet}Routes", "aws:ec2/routeTableAssociation:RouteTableAssociation", Map(
                ("routeTableId", Str(Ref(table, "id"))), ("subnetId", Str(Ref(subnet, "id")))));
        }
    }
}
