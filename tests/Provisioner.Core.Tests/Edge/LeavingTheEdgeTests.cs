using Provisioner.Core.Backends;
using Provisioner.Core.Edge;
using Provisioner.Core.Provisioning;
using Provisioner.Core.Tenants;

namespace Provisioner.Core.Tests.Edge;

/// <summary>
/// A tenant with no port of its own was made behind the edge: with the edge off it is refused (its networks are internal,
/// a port would be published nowhere); with the edge on, a tenant with its own port, a destroyed or suspended one (made
/// again) or a new one is not; nor is a port-less tenant of a backend that has no edge (it was never behind one).
/// </summary>
public sealed class LeavingTheEdgeTests
{
    private static readonly ProvisionerOptions Off = new();
    private static readonly ProvisionerOptions On = new() { Edge = new EdgeOptions { Domain = "localhost", CaFile = "/tmp/ca.crt" } };

    private static TenantRecord Tenant(int? port, string status = TenantStatus.Active) => new(
        "acme", "notes", "1.1.0", "small", BackendKind.Of("docker"), "local", status, null, port, [], null, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);

    [Fact]
    public void BehindTheEdge_EdgeOff_Refused_NamingTheTenantAndTheWayOut()
    {
        var why = LeavingTheEdge.WhyNot(Tenant(null), TestTemplates.ParseNotes(), Off);

        Assert.Equal("tenant acme is behind the edge proxy (it was made with the edge on and has no port of its own), and the edge is off for this run", why);
        Assert.Contains("provision destroy acme --yes` (data kept)", LeavingTheEdge.Hint("acme"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, TenantStatus.Active, true)]
    [InlineData(20000, TenantStatus.Active, false)]
    [InlineData(null, TenantStatus.Destroyed, false)]
    [InlineData(null, TenantStatus.Suspended, false)]
    public void WhyNot_OnlyARecordedTenantWithoutAPortWhileTheEdgeIsOff(int? port, string status, bool edgeOn)
    {
        Assert.Null(LeavingTheEdge.WhyNot(Tenant(port, status), TestTemplates.ParseNotes(), edgeOn ? On : Off));
        Assert.Null(LeavingTheEdge.WhyNot(null, TestTemplates.ParseNotes(), Off));
    }

    [Fact]
    public void WhyNot_BackendWithoutTheEdge_APortlessTenantIsNotRefused() =>
        Assert.Null(LeavingTheEdge.WhyNot(Tenant(null), TestTemplates.ParseNotes(), Off with { EdgeSupported = false }));
}
