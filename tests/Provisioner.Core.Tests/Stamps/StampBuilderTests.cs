using Provisioner.Core.Errors;
using Provisioner.Core.Stamps;

namespace Provisioner.Core.Tests.Stamps;

public class StampBuilderTests
{
    [Fact]
    public void Build_SameInputs_SameStampAndHashes()
    {
        var t = TestTemplates.ParseNotes();

        var a = StampBuilder.Build(t, "acme", "small", 20000);
        var b = StampBuilder.Build(TestTemplates.ParseNotes(), "acme", "small", 20000);

        Assert.Equal(a.Containers.Select(c => c.Hash), b.Containers.Select(c => c.Hash));
        Assert.Equal(a.Jobs.Select(j => j.Hash), b.Jobs.Select(j => j.Hash));
    }

    [Fact]
    public void Build_Notes_HasDeterministicNamesAndLabels()
    {
        var s = StampBuilder.Build(TestTemplates.ParseNotes(), "acme", "small", 20000);

        Assert.Equal(["t-acme-internal", "t-acme-edge"], s.Networks.Select(n => n.Name));
        Assert.True(s.Networks[0].Internal);
        Assert.Equal(["t-acme-db-data"], s.Volumes.Select(v => v.Name));
        Assert.Equal(["t-acme-db", "t-acme-app"], s.Containers.Select(c => c.Name));
        Assert.Equal("t-acme-migrate", s.Jobs.Single().Name);
        Assert.Equal("app", s.Jobs.Single().Before);
        var app = s.Container("app");
        Assert.Equal("acme", app.Labels[StampLabels.Tenant]);
        Assert.Equal("notes@1.1.0", app.Labels[StampLabels.Template]);
        Assert.Equal(new Uri("http://127.0.0.1:20000"), s.Endpoint);
    }

    [Fact]
    public void Build_DatabaseIsOnlyOnTheInternalNetworkAndPublishesNothing()
    {
        var db = StampBuilder.Build(TestTemplates.ParseNotes(), "acme", "small", 20000).Container("db");

        Assert.Equal(["t-acme-internal"], db.Spec.Networks.Select(n => n.Network));
        Assert.Null(db.Spec.Port);
    }

    [Fact]
    public void Build_Limits_FollowSizeAndShares()
    {
        var s = StampBuilder.Build(TestTemplates.ParseNotes(), "acme", "large", 20000);

        Assert.Equal(800_000_000, s.Container("db").Spec.NanoCpus);     // 2 cpu x 0.4
        Assert.Equal(1_200_000_000, s.Container("app").Spec.NanoCpus);  // the rest
        Assert.Equal(1L << 30, s.Container("db").Spec.MemoryBytes);     // 2Gi x 0.5
    }

    [Fact]
    public void Build_DifferentSize_ChangesHashes()
    {
        var t = TestTemplates.ParseNotes();

        Assert.NotEqual(StampBuilder.Build(t, "acme", "small", 1).Container("app").Hash, StampBuilder.Build(t, "acme", "large", 1).Container("app").Hash);
    }

    [Fact]
    public void Build_UnknownSize_ListsSizes()
    {
        var e = Assert.Throws<BadInputException>(() => StampBuilder.Build(TestTemplates.ParseNotes(), "acme", "huge", 1));

        Assert.Contains("small, large", e.Hint);
    }

    [Fact]
    public void Build_SecretsAreNamesOnly()
    {
        var s = StampBuilder.Build(TestTemplates.ParseNotes(), "acme", "small", 20000);

        Assert.Equal(["db_password"], s.Container("db").Spec.SecretFiles);
        Assert.DoesNotContain(s.Container("db").Spec.Env.Keys, k => k.Contains("PASSWORD", StringComparison.OrdinalIgnoreCase));
    }
}
