using Provisioner.Docker.Engine;

namespace Provisioner.Docker.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class ImageIntegrationTests : IAsyncLifetime
{
    private readonly TestRun _run = new();

    public Task InitializeAsync() => TestImages.EnsureBaseImageAsync(_run.Client, _run.Deadline(660));

    public async Task DisposeAsync() => await _run.DisposeAsync();

    [Fact]
    public async Task InspectAsync_BaseImage_ReportsTagsAndSize()
    {
        var image = await _run.Client.Images.InspectAsync(TestRun.BaseImage, _run.Deadline());

        Assert.StartsWith("sha256:", image.Id, StringComparison.Ordinal);
        Assert.Contains(TestRun.BaseImage, image.RepoTags);
        Assert.True(image.Size > 0);
        Assert.True(image.Created > DateTimeOffset.UnixEpoch);
    }

    [Fact]
    public async Task ExistsAsync_BaseAndMissing_TrueAndFalse()
    {
        Assert.True(await _run.Client.Images.ExistsAsync(TestRun.BaseImage, _run.Deadline()));
        Assert.False(await _run.Client.Images.ExistsAsync($"provisioner/missing:{_run.Id[..8]}", _run.Deadline()));
    }

    [Fact]
    public async Task ListAsync_ReferenceFilter_FindsBaseImage()
    {
        var images = await _run.Client.Images.ListAsync(DockerFilters.Of("reference", TestRun.BaseImage), _run.Deadline());

        var image = Assert.Single(images);
        Assert.Contains(TestRun.BaseImage, image.RepoTags);
    }

    [Fact]
    public async Task SaveAsync_BaseImage_StreamsATarArchive()
    {
        await using var tar = await _run.Client.Images.SaveAsync([TestRun.BaseImage], _run.Deadline(120));
        var header = new byte[512];

        await tar.ReadExactlyAsync(header, _run.Deadline(120));

        Assert.Equal("ustar", System.Text.Encoding.ASCII.GetString(header, 257, 5));
    }

    [Fact]
    public async Task LoadAsync_NotAnImageArchive_ThrowsApiException()
    {
        using var garbage = new MemoryStream(new byte[4096]);

        await Assert.ThrowsAsync<DockerApiException>(() => _run.Client.Images.LoadAsync(garbage, _run.Deadline()));
    }
}
