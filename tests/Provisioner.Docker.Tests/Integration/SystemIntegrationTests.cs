using Provisioner.Docker.Engine;

namespace Provisioner.Docker.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class SystemIntegrationTests : IAsyncLifetime
{
    private readonly TestRun _run = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _run.DisposeAsync();

    [Fact]
    public async Task PingAsync_RealEngine_NegotiatesApi141()
    {
        Assert.Equal("1.41", await _run.Client.System.PingAsync(_run.Deadline(10)));
    }

    [Fact]
    public async Task GetInfoAsync_RealEngine_ReportsHostFacts()
    {
        var info = await _run.Client.System.GetInfoAsync(_run.Deadline(10));

        Assert.NotEmpty(info.Id);
        Assert.True(info.NCpu > 0);
        Assert.True(info.MemTotal > 0);
        Assert.StartsWith("/", info.DockerRootDir, StringComparison.Ordinal);
        Assert.NotEmpty(info.ServerVersion);
        Assert.NotEmpty(info.OperatingSystem);
        Assert.True(info.Images >= 0 && info.Containers >= 0);
    }

    [Fact]
    public async Task GetVersionAsync_RealEngine_ReportsApiVersion()
    {
        var version = await _run.Client.System.GetVersionAsync(_run.Deadline(10));

        Assert.True(ApiVersion.TryParse(version.ApiVersion, out var api) && api >= new Version(1, 41));
        Assert.NotEmpty(version.Version);
        Assert.Equal("linux", version.Os);
    }
}
