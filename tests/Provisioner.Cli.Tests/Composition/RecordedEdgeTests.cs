namespace Provisioner.Cli.Tests.Composition;

/// <summary>
/// The edge a home's tenants are behind is remembered there: a later run whose settings name no edge (another folder, no
/// provisioner.yaml) uses it; <c>EdgeOff</c> (PROVISIONER_EDGE=off) turns it off; nothing is recorded while the edge is off.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class RecordedEdgeTests : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("recorded-edge-").FullName;

    private IProvisioner Build(EdgeSettings? edge = null, bool off = false, EdgeSettings? byDefault = null) =>
        new ProvisionerBuilder(new ProvisionerSettings { Home = _home, Templates = _home, Edge = edge, DefaultEdge = byDefault, EdgeOff = off, PublishAddress = "127.0.0.2" }).Build();

    [Fact]
    public void DefaultEdge_UsedWhenNothingIsRecorded_NeverRecorded_TheRecordedOneWins()
    {
        using (var first = Build(byDefault: EdgeSettings.Local))
        {
            Assert.Equal(("localhost", 8443, "provision-edge"), (first.Edge?.Domain, first.Edge?.Port, first.Edge?.Name));
            Assert.Equal(new Uri("https://acme.localhost:8443"), first.Edge?.EndpointOf("acme"));
        }

        Assert.False(File.Exists(RecordedEdge.PathIn(_home)));
        Build(new EdgeSettings { Domain = "tenants.test" }).Dispose();
        using var later = Build(byDefault: EdgeSettings.Local);
        Assert.Equal("tenants.test", later.Edge?.Domain);
        using var off = Build(off: true, byDefault: EdgeSettings.Local);
        Assert.Null(off.Edge);
    }

    [Fact]
    public void EdgeOnce_LaterRunWithoutEdgeSettings_UsesTheRecordedOne()
    {
        using (var first = Build(new EdgeSettings { Domain = "tenants.test", Port = 9443, Name = "edge-a" }))
        {
            Assert.Equal("tenants.test", first.Edge?.Domain);
        }

        using var later = Build();

        Assert.Equal(("tenants.test", 9443, "edge-a", "127.0.0.2"), (later.Edge?.Domain, later.Edge?.Port, later.Edge?.Name, later.Edge?.Address));
        Assert.Equal(Path.Combine(_home, "edge", "edge-a-ca.crt"), later.Edge?.CaFile);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(RecordedEdge.PathIn(_home)));
    }

    [Fact]
    public void EdgeOff_IgnoresTheRecordedOne_AndTheConfiguredOne()
    {
        Build(new EdgeSettings { Domain = "tenants.test" }).Dispose();

        using var off = Build(new EdgeSettings { Domain = "other.test" }, off: true);

        Assert.Null(off.Edge);
        using var later = Build();
        Assert.Equal("tenants.test", later.Edge?.Domain);
    }

    [Fact]
    public void NoEdgeEver_NothingRecorded_EdgeOff()
    {
        using var provisioner = Build();

        Assert.Null(provisioner.Edge);
        Assert.False(File.Exists(RecordedEdge.PathIn(_home)));
    }

    [Fact]
    public void Forget_OnlyTheEdgeOfThatName()
    {
        Build(new EdgeSettings { Domain = "tenants.test", Name = "edge-a" }).Dispose();

        RecordedEdge.Forget(_home, "edge-b");
        Assert.NotNull(RecordedEdge.Load(_home));
        RecordedEdge.Forget(_home, "edge-a");
        Assert.Null(RecordedEdge.Load(_home));
    }

    [Fact]
    public void RecordedFileWithoutTheSettingsItLeftOut_ReadsTheirDefaults()
    {
        // A file written before a setting existed (or edited by hand) names only some of them: the others keep their defaults.
        Directory.CreateDirectory(Path.GetDirectoryName(RecordedEdge.PathIn(_home))!);
        File.WriteAllText(RecordedEdge.PathIn(_home), """{ "Domain": "tenants.test", "CaFile": "/x/ca.crt" }""");

        var edge = RecordedEdge.Load(_home);

        Assert.NotNull(edge);
        Assert.Equal(("tenants.test", "/x/ca.crt", 8443, "provision-edge", "127.0.0.1", "provisioner/edge:2.6"), (edge.Domain, edge.CaFile, edge.Port, edge.Name, edge.Address, edge.Image));
    }

    public void Dispose() => Directory.Delete(_home, recursive: true);
}
