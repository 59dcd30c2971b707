using Provisioner.Core.Edge;
using Provisioner.Core.Stamps;
using Provisioner.Core.Templates;

namespace Provisioner.Core.Tests.Edge;

/// <summary>The stamp with the edge on: internal networks only, no published port, the route on the edge network, https endpoint; egress.</summary>
public sealed class EdgeStampTests
{
    private static readonly EdgeOptions Edge = new() { Domain = "tenants.test", Port = 8443, Name = "edge-x", CaFile = "/tmp/ca.crt" };

    [Fact]
    public void Build_EdgeOn_EveryNetworkInternal_EntryPublishesNothing_EndpointIsHttpsHostName()
    {
        var s = StampBuilder.Build(TestTemplates.ParseNotes(), "acme", "small", 20000, "127.0.0.1", Edge);

        Assert.Equal(["t-acme-internal", "t-acme-edge"], s.Networks.Select(n => n.Name));
        Assert.All(s.Networks, n => Assert.True(n.Internal, n.Name));
        Assert.Null(s.Container("app").Spec.Port);
        Assert.Equal(new Uri("https://acme.tenants.test:8443"), s.Endpoint);
    }

    [Fact]
    public void Build_EdgeOnWithOptions_TenantWithItsOwnPort_StaysOnIt_NewTenantGoesBehindTheEdge()
    {
        var options = new Core.Provisioning.ProvisionerOptions { Edge = Edge };

        var own = StampBuilder.Build(TestTemplates.ParseNotes(), "acme", "small", 20000, options);
        var behind = StampBuilder.Build(TestTemplates.ParseNotes(), "acme", "small", null, options);

        Assert.Equal(20000, own.Container("app").Spec.Port?.HostPort);
        Assert.Equal(new Uri("http://127.0.0.1:20000"), own.Endpoint);
        Assert.DoesNotContain(own.Networks, n => n.Labels.ContainsKey(EdgeLabels.Edge));
        Assert.Null(behind.Container("app").Spec.Port);
        Assert.Equal(new Uri("https://acme.tenants.test:8443"), behind.Endpoint);
    }

    [Fact]
    public void Build_EdgeOn_EdgeNetworkCarriesTheRoute()
    {
        var edgeNetwork = StampBuilder.Build(TestTemplates.ParseNotes(), "acme", "small", null, "127.0.0.1", Edge).Networks.Single(n => n.Name == "t-acme-edge");

        Assert.Equal("edge-x", edgeNetwork.Labels[EdgeLabels.Edge]);
        Assert.Equal("acme.tenants.test", edgeNetwork.Labels[EdgeLabels.Host]);
        Assert.Equal("t-acme-app:8080", edgeNetwork.Labels[EdgeLabels.Upstream]);
        Assert.Equal("acme", edgeNetwork.Labels[StampLabels.Tenant]);
    }

    [Fact]
    public void Build_EdgeOff_AsBefore_EdgeNetworkHasARouteOutAndNoEdgeLabels()
    {
        var s = StampBuilder.Build(TestTemplates.ParseNotes(), "acme", "small", 20000);

        var edgeNetwork = s.Networks.Single(n => n.Name == "t-acme-edge");
        Assert.False(edgeNetwork.Internal);
        Assert.False(edgeNetwork.Labels.ContainsKey(EdgeLabels.Edge));
        Assert.Equal(20000, s.Container("app").Spec.Port?.HostPort);
    }

    [Fact]
    public void Build_ComponentWithEgress_AloneJoinsTheEgressNetwork_WhichIsNotInternal()
    {
        var yaml = TestTemplates.Notes.Replace("    image: notes-app:1.1.0\n", "    image: notes-app:1.1.0\n    egress: \"sends mail through the customer's SMTP\"\n", StringComparison.Ordinal);
        var s = StampBuilder.Build(TestTemplates.ParseNotes(yaml), "acme", "small", null, "127.0.0.1", Edge);

        var egress = s.Networks.Single(n => n.Name == "t-acme-egress");
        Assert.False(egress.Internal);
        Assert.Contains("t-acme-egress", s.Container("app").Spec.Networks.Select(n => n.Network));
        Assert.DoesNotContain("t-acme-egress", s.Container("db").Spec.Networks.Select(n => n.Network));
        Assert.DoesNotContain("t-acme-egress", s.Jobs.Single().Spec.Networks.Select(n => n.Network));
    }

    [Theory]
    [InlineData("egress: \"\"")]
    [InlineData("egress: \"   \"")]
    [InlineData("egress: true")]
    public void Parse_EgressWithoutAReason_Refused(string line)
    {
        var yaml = TestTemplates.Notes.Replace("    image: notes-app:1.1.0\n", $"    image: notes-app:1.1.0\n    {line}\n", StringComparison.Ordinal);

        var e = Assert.Throws<TemplateInvalidException>(() => TestTemplates.ParseNotes(yaml));
        Assert.Contains("components.app.egress: must state why the component needs a route out", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_EgressWithAReason_Kept()
    {
        var yaml = TestTemplates.Notes.Replace("    image: notes-app:1.1.0\n", "    image: notes-app:1.1.0\n    egress: calls the customer's webhook\n", StringComparison.Ordinal);

        Assert.Equal("calls the customer's webhook", TestTemplates.ParseNotes(yaml).Component("app").Egress);
        Assert.Null(TestTemplates.ParseNotes().Component("app").Egress);
    }

    [Theory]
    [InlineData("Tenants.Test", 8443, "provision-edge", "edge.domain 'Tenants.Test' is not a domain name")]
    [InlineData("tenants", 8443, "provision-edge", "edge.domain 'tenants' is not a domain name")]
    [InlineData("tenants.test", 0, "provision-edge", "edge.port 0 is not a port number")]
    [InlineData("tenants.test", 8443, "Edge_1", "edge.name 'Edge_1' must be lowercase letters")]
    public void Problems_BadSetting_NamesIt(string domain, int port, string name, string expected)
    {
        var problems = new EdgeOptions { Domain = domain, Port = port, Name = name, CaFile = "/tmp/ca.crt" }.Problems();

        Assert.Contains(problems, p => p.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Serves_OnlyNamesUnderTheDomain()
    {
        Assert.True(Edge.Serves("acme.tenants.test"));
        Assert.False(Edge.Serves("tenants.test"));
        Assert.False(Edge.Serves("acme.tenants.test.evil"));
        Assert.False(Edge.Serves("127.0.0.1"));
    }
}
