// The Docker.DotNet models are nullable-annotated throughout; these tests read what they just built.
#nullable disable
using Docker.DotNet.Models;
using Provisioner.Core.Stamps;
using Provisioner.Swarm.Backend;
using Provisioner.Swarm.Images;
using NetworkAttachment = Provisioner.Core.Stamps.NetworkAttachment;
using PortBinding = Provisioner.Core.Stamps.PortBinding;

namespace Provisioner.Swarm.Tests.Backend;

/// <summary>A stamp's container as a Swarm service: no cluster needed.</summary>
public sealed class ServiceSpecsTests
{
    private static readonly Core.Stamps.ContainerSpec Db = new(
        "provisioner/postgres:15", null, null, new Dictionary<string, string> { ["POSTGRES_DB"] = "notes" },
        [new NetworkAttachment("t-acme-internal", ["db"])], [new VolumeMount("t-acme-db-data", "/var/lib/postgresql/data")],
        ["db_password"], 250_000_000, 256L << 20, null);

    private static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string> { ["provisioner.tenant"] = "acme" };

    private static readonly SecretReference Secret = new() { SecretName = "t-acme-db_password-0123456789", File = new SecretReferenceFileTarget { Name = "db_password", UID = "0", GID = "0", Mode = ServiceSpecs.SecretMode } };

    [Fact]
    public void For_RequestsBelowLimits_ReservationsAreTheRequests()
    {
        var bursting = Db with { RequestNanoCpus = 50_000_000, RequestMemoryBytes = 96L << 20 };

        var spec = ServiceSpecs.For("t-acme-db", bursting, Labels, "reg:5000/provisioner/postgres@sha256:ab", null, [Secret], new Dictionary<string, IReadOnlyDictionary<string, string>>(), job: false);

        Assert.Equal((250_000_000L, 256L << 20), (spec.TaskTemplate.Resources.Limits.NanoCPUs, spec.TaskTemplate.Resources.Limits.MemoryBytes));
        Assert.Equal((50_000_000L, 96L << 20), (spec.TaskTemplate.Resources.Reservations.NanoCPUs, spec.TaskTemplate.Resources.Reservations.MemoryBytes));
    }

    [Fact]
    public void For_DataComponent_PinnedToItsNodeWithReservationsEqualToLimits()
    {
        var spec = ServiceSpecs.For("t-acme-db", Db, Labels, "reg:5000/provisioner/postgres@sha256:ab", new SwarmNodePin("n2", "swt2"), [Secret], new Dictionary<string, IReadOnlyDictionary<string, string>>(), job: false);

        Assert.Equal(["node.id==n2"], spec.TaskTemplate.Placement.Constraints);
        Assert.Equal("swt2", spec.Labels["provisioner.node"]);
        Assert.Equal(250_000_000, spec.TaskTemplate.Resources.Limits.NanoCPUs);
        Assert.Equal(spec.TaskTemplate.Resources.Limits.NanoCPUs, spec.TaskTemplate.Resources.Reservations.NanoCPUs);
        Assert.Equal(spec.TaskTemplate.Resources.Limits.MemoryBytes, spec.TaskTemplate.Resources.Reservations.MemoryBytes);
        Assert.Equal("dnsrr", spec.EndpointSpec.Mode);
        Assert.Equal(1UL, spec.Mode.Replicated.Replicas);
        Assert.Equal(1UL, spec.UpdateConfig.Parallelism);
        Assert.Equal(["db"], spec.TaskTemplate.Networks.Single().Aliases);
        Assert.Equal("reg:5000/provisioner/postgres@sha256:ab", spec.TaskTemplate.ContainerSpec.Image);
    }

    [Fact]
    public void For_Secret_IsMode0400ForItsOwner()
    {
        Assert.Equal(0x100u, ServiceSpecs.SecretMode); // octal 0400
        var spec = ServiceSpecs.For("t-acme-db", Db, Labels, "img", null, [Secret], new Dictionary<string, IReadOnlyDictionary<string, string>>(), job: false);
        Assert.Equal("db_password", spec.TaskTemplate.ContainerSpec.Secrets.Single().File.Name);
    }

    [Fact]
    public void For_Job_IsAReplicatedJobWithoutRestartsUpdateConfigOrReservations()
    {
        var spec = ServiceSpecs.For("t-acme-migrate", Db with { Mounts = [] }, Labels, "img", null, [], new Dictionary<string, IReadOnlyDictionary<string, string>>(), job: true);

        Assert.Equal(1UL, spec.Mode.ReplicatedJob.TotalCompletions);
        Assert.Equal("none", spec.TaskTemplate.RestartPolicy.Condition);
        Assert.Null(spec.UpdateConfig);
        Assert.Null(spec.TaskTemplate.Resources.Reservations);
        Assert.Equal(250_000_000, spec.TaskTemplate.Resources.Limits.NanoCPUs);
        Assert.Null(spec.TaskTemplate.Placement);
    }

    [Fact]
    public void For_Entry_PublishesInHostMode()
    {
        var app = Db with { Mounts = [], Port = new PortBinding(8080, "127.0.0.1", 20000) };
        var spec = ServiceSpecs.For("t-acme-app", app, Labels, "img", null, [], new Dictionary<string, IReadOnlyDictionary<string, string>>(), job: false);

        var port = Assert.Single(spec.EndpointSpec.Ports);
        Assert.Equal(("host", 8080u, 20000u), (port.PublishMode, port.TargetPort!.Value, port.PublishedPort!.Value));
    }

    [Theory]
    [InlineData("provisioner/postgres:15", "provisioner/postgres", "15")]
    [InlineData("notes-app:1.1.0", "notes-app", "1.1.0")]
    [InlineData("localhost:5000/x", "localhost:5000/x", "latest")]
    public void Split_ImageName_RepositoryAndTag(string image, string repository, string tag) =>
        Assert.Equal((repository, tag), ImageDistributor.Split(image));

    [Fact]
    public void SecretNames_DependOnTheValueButDoNotShowIt()
    {
        var a = SwarmSecretNames.For("acme", "db_password", "s3cret");
        Assert.StartsWith("t-acme-db_password-", a);
        Assert.DoesNotContain("s3cret", a);
        Assert.NotEqual(a, SwarmSecretNames.For("acme", "db_password", "other"));
    }
}
