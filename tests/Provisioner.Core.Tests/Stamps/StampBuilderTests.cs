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
        Assert.Equal(("app", Core.Templates.JobPhase.Before), (s.Jobs.Single().Component, s.Jobs.Single().Phase));
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

    [Fact]
    public void Build_Values_FilledPerTenantAndComponent()
    {
        var s = StampBuilder.Build(TestTemplates.ParseNotes(), "acme", "small", 20123);

        var env = s.Container("app").Spec.Env;
        Assert.Equal("db", env["NOTES_DB_HOST"]);
        Assert.Equal("/run/secrets/db_password", env["PASSWORD_FILE"]);
        Assert.Equal("http://127.0.0.1:20123", env["URL"]);
        Assert.Equal("256", env["HEAP"]); // the app's half of 512Mi
    }

    [Fact]
    public void Build_CommandAndAfterJob_UseTheComponentsValues()
    {
        var s = StampBuilder.Build(TestTemplates.ParseTracker(), "acme", "small", 20000);

        Assert.Equal(["/app/tracker"], s.Container("web").Spec.Entrypoint);
        Assert.Equal(["web", "--queue", "queue:6379"], s.Container("web").Spec.Command);
        var seed = s.Jobs.Single(j => j.Job == "seed");
        Assert.Equal(["/app/tracker"], seed.Spec.Entrypoint);
        Assert.Equal(["seed", "acme"], seed.Spec.Command);
        Assert.Equal(["db", "queue", "web", "worker"], seed.DependsOn);
        Assert.Null(s.Container("worker").Spec.Port);
        Assert.Equal(["t-acme-internal"], s.Container("worker").Spec.Networks.Select(n => n.Network));
    }
}
