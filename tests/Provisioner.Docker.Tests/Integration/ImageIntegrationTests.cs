using Provisioner.Docker.Engine;

namespace Provisioner.Docker.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class ImageIntegrationTests : IAsyncLifetime
{
    private readonly TestRun _run = new();

    public Task InitializeAsync() => _run.SetUpAsync(() => TestImages.EnsureBaseImageAsync(_run.Client, _run.Deadline(660)));

    public async Task DisposeAsync() => await _run.DisposeAsync();

    [Fact]
    public async Task InspectImageAsync_BaseImage_ReportsTagsAndSize()
    {
        var image = await _run.Client.Images.InspectImageAsync(TestRun.BaseImage, _run.Deadline());

        Assert.StartsWith("sha256:", image.ID, StringComparison.Ordinal);
        Assert.Contains(TestRun.BaseImage, image.RepoTags);
        Assert.True(image.Size > 0);
    }

    [Fact]
    public async Task ExistsAsync_BaseAndMissing_TrueAndFalse()
    {
        Assert.True(await ImageLookup.ExistsAsync(_run.Client.Images, TestRun.BaseImage, _run.Deadline()));
        Assert.False(await ImageLookup.ExistsAsync(_run.Client.Images, $"provisioner/missing:{_run.Id[..8]}", _run.Deadline()));
    }
}
