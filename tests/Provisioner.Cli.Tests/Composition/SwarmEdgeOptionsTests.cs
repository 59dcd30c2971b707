using Provisioner.Composition;
using Provisioner.Core.Edge;

namespace Provisioner.Cli.Tests.Composition;

/// <summary>
/// The cluster's edge derived from the home's: its own container name and CA file, names under <c>swarm.&lt;domain&gt;</c>
/// (so a request's name says which edge it is for), published on all the manager's interfaces at the same port, its own
/// CA (an operator's <c>*.&lt;domain&gt;</c> certificate does not cover those names); off when the home's edge is off.
/// </summary>
public sealed class SwarmEdgeOptionsTests
{
    [Fact]
    public void For_HomeEdge_TheClusterEdge()
    {
        var home = new EdgeOptions
        {
            Domain = "tenants.test", Port = 9443, Name = "front", CaFile = "/h/edge/front-ca.crt",
            Certificate = new EdgeCertificate { CertificateFile = "/c.pem", KeyFile = "/k.pem" },
        };

        var cluster = SwarmEdge.For(home, "/h")!;

        Assert.Equal(("front-swarm", "swarm.tenants.test", 9443, "0.0.0.0"), (cluster.Name, cluster.Domain, cluster.Port, cluster.Address));
        Assert.Equal(Path.Combine("/h", "edge", "front-swarm-ca.crt"), cluster.CaFile);
        Assert.Null(cluster.Certificate);
        Assert.Equal(new Uri("https://acme.swarm.tenants.test:9443"), cluster.EndpointOf("acme"));
        Assert.Empty(cluster.Problems());
    }

    [Fact]
    public void For_EdgeOff_Off() => Assert.Null(SwarmEdge.For(null, "/h"));
}
