using Provisioner.Core.Stamps;
using Provisioner.Core.Templates;

namespace Provisioner.Core.Tests.Stamps;

/// <summary>
/// The hashes of fixed specs, pinned: a running tenant's container is replaced when its hash changes, so a new build of
/// the tool that hashed the same spec differently would restart every tenant's containers on their next converge.
/// </summary>
public class StampHashTests
{
    private static readonly Dictionary<string, string> Labels = new() { ["provisioner.tenant"] = "acme", ["provisioner.component"] = "app" };

    private static ContainerSpec Plain() => new(
        "notes-app:1.1.0", null, null, new Dictionary<string, string>(), [], [], [], 250_000_000, 268_435_456, null);

    private static ContainerSpec Full() => new(
        "postgres:15",
        ["/entry.sh", "--wait"],
        ["postgres", "-c", "fsync=on"],
        new Dictionary<string, string> { ["Z_LAST"] = "z", ["A_FIRST"] = "a \"quoted\" <html> é" },
        [new NetworkAttachment("t-acme-internal", ["db", "database"]), new NetworkAttachment("t-acme-edge", [])],
        [new VolumeMount("t-acme-db-data", "/var/lib/postgresql/data")],
        ["db_password", "app_key"],
        500_000_000,
        536_870_912,
        new PortBinding(8080, "127.0.0.1", 20000))
    {
        Security = new SecuritySpec(["CHOWN", "SETUID"], ["/tmp", "/run"], "999:999", 128),
    };

    [Fact]
    public void Of_PlainSpec_IsPinned() => Assert.Equal("04b802f3d5bc01f3", StampHash.Of(Plain(), Labels));

    [Fact]
    public void Of_SpecWithEveryField_IsPinned() => Assert.Equal("afecf07245c0f64b", StampHash.Of(Full(), Labels));

    [Fact]
    public void Of_BurstingSpec_IsPinned() =>
        Assert.Equal("45084d30e56ea371", StampHash.Of(Full() with { RequestNanoCpus = 35_000_000, RequestMemoryBytes = 67_108_864 }, Labels));

    [Fact]
    public void Of_NoLabels_IsPinned() => Assert.Equal("d1d216ae87ef6fc7", StampHash.Of(Plain(), new Dictionary<string, string>()));
}
