using Provisioner.Core.Edge;
using Provisioner.Docker.Edge;

namespace Provisioner.Docker.Tests.Unit.Edge;

/// <summary>
/// The record of what a home last loaded into the edge: it matches only the same container, start time and config; it
/// is forgotten on demand; it is the owner's alone (0600).
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class EdgeLoadMarkerTests : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("edge-marker-").FullName;

    private EdgeLoadMarker Marker() =>
        new(new EdgeOptions { Domain = "localhost", Name = "edge-m", CaFile = Path.Combine(_home, "edge", "edge-m-ca.crt") });

    [Fact]
    public void Recorded_MatchesOnlyTheSameContainerStartAndConfig()
    {
        Marker().Record("c1", "2026-12-03T09:00:00Z", "{routes a}");

        var later = Marker();
        Assert.True(later.Matches("c1", "2026-12-03T09:00:00Z", "{routes a}"));
        Assert.False(later.Matches("c2", "2026-12-03T09:00:00Z", "{routes a}"));
        Assert.False(later.Matches("c1", "2026-12-03T09:05:00Z", "{routes a}"));
        Assert.False(later.Matches("c1", "2026-12-03T09:00:00Z", "{routes a, b}"));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_home, "edge", "edge-m-loaded")));
    }

    [Fact]
    public void Forgotten_NothingMatches_AndNothingRecordedNothingMatches()
    {
        Assert.False(Marker().Matches("c1", "t", "{}"));
        Marker().Record("c1", "t", "{}");

        Marker().Forget();

        Assert.False(Marker().Matches("c1", "t", "{}"));
    }

    public void Dispose() => Directory.Delete(_home, recursive: true);
}
