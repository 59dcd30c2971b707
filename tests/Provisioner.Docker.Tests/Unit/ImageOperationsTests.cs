using Provisioner.Docker.Engine;
using Provisioner.Docker.Tests.Fakes;

namespace Provisioner.Docker.Tests.Unit;

public sealed class ImageOperationsTests
{
    [Fact]
    public async Task InspectAsync_ReferenceWithRepositoryAndTag_KeepsSlashEscapesTag()
    {
        var handler = new FakeDockerHandler().OnJson(HttpMethod.Get, "/images/provisioner/base%3Abookworm/json", """{"Id":"sha256:1","RepoTags":["provisioner/base:bookworm"]}""");
        using var client = FakeClient.Create(handler);

        var image = await client.Images.InspectAsync("provisioner/base:bookworm");

        Assert.Equal("sha256:1", image.Id);
        Assert.Empty(image.Config.Labels);
    }

    [Fact]
    public async Task ExistsAsync_Engine404_ReturnsFalse()
    {
        using var client = FakeClient.Create(new FakeDockerHandler());

        Assert.False(await client.Images.ExistsAsync("nope:missing"));
    }

    [Fact]
    public void ParseLoadMessages_LoadedLines_ReturnsNames()
    {
        const string body = "{\"stream\":\"Loaded image: notes-app:1.1.0\\n\"}\r\n{\"stream\":\"Loaded image ID: sha256:abc\\n\"}\n";

        var loaded = ImageOperations.ParseLoadMessages(body, "POST /images/load");

        Assert.Equal(["notes-app:1.1.0", "sha256:abc"], loaded);
    }

    [Fact]
    public void ParseLoadMessages_ErrorLine_ThrowsApiException()
    {
        const string body = "{\"errorDetail\":{\"message\":\"unexpected EOF\"},\"error\":\"unexpected EOF\"}\n";

        var error = Assert.Throws<DockerApiException>(() => ImageOperations.ParseLoadMessages(body, "POST /images/load"));

        Assert.Equal("unexpected EOF", error.EngineMessage);
    }
}
