using Provisioner.Docker.Engine;
using Provisioner.Docker.Tests.Fakes;

namespace Provisioner.Docker.Tests.Unit;

public sealed class DockerFiltersTests
{
    [Fact]
    public void Label_KeyValue_SerializesAsJsonArray()
    {
        Assert.Equal("""{"label":["provisioner.tenant=acme"]}""", DockerFilters.Label("provisioner.tenant=acme").ToJson());
    }

    [Fact]
    public void Labels_SeveralUnsortedWithDuplicate_SortedAndDeduplicated()
    {
        var filters = DockerFilters.Labels("b=2", "a=1", "b=2");

        Assert.Equal("""{"label":["a=1","b=2"]}""", filters.ToJson());
    }

    [Fact]
    public void Labels_Dictionary_BecomesKeyEqualsValue()
    {
        var filters = DockerFilters.Labels(new Dictionary<string, string> { ["provisioner.tenant"] = "acme", ["provisioner.component"] = "db" });

        Assert.Equal("""{"label":["provisioner.component=db","provisioner.tenant=acme"]}""", filters.ToJson());
    }

    [Fact]
    public void With_SeveralNames_KeysSortedAndOriginalUnchanged()
    {
        var original = DockerFilters.Name("t-acme");

        var combined = original.WithLabel("x=y").With("status", "running", "exited");

        Assert.Equal("""{"label":["x=y"],"name":["t-acme"],"status":["exited","running"]}""", combined.ToJson());
        Assert.Equal("""{"name":["t-acme"]}""", original.ToJson());
    }

    [Fact]
    public void ToQueryValue_SpecialCharacters_PercentEncoded()
    {
        var encoded = DockerFilters.Label("provisioner.tenant=a&b c").ToQueryValue();

        Assert.Equal("%7B%22label%22%3A%5B%22provisioner.tenant%3Da%26b%20c%22%5D%7D", encoded);
    }

    [Fact]
    public void Label_EmptyValue_Throws()
    {
        Assert.Throws<ArgumentException>(() => DockerFilters.Label(" "));
    }

    [Fact]
    public void Empty_Always_IsEmpty()
    {
        Assert.True(DockerFilters.Empty.IsEmpty);
        Assert.Equal("{}", DockerFilters.Empty.ToJson());
    }

    [Fact]
    public async Task ListAsync_WithFilters_SendsEncodedFiltersQuery()
    {
        var handler = new FakeDockerHandler().OnJson(HttpMethod.Get, "/networks", "[]");
        using var client = FakeClient.Create(handler);

        await client.Networks.ListAsync(DockerFilters.Label("provisioner.tenant=acme"));

        var request = Assert.Single(handler.ApiRequests);
        Assert.Equal("filters=%7B%22label%22%3A%5B%22provisioner.tenant%3Dacme%22%5D%7D", request.Query);
    }

    [Fact]
    public async Task ListAsync_EmptyOrNullFilters_OmitsFiltersQuery()
    {
        var handler = new FakeDockerHandler().OnJson(HttpMethod.Get, "/volumes", """{"Volumes":null,"Warnings":null}""");
        using var client = FakeClient.Create(handler);

        var none = await client.Volumes.ListAsync();
        await client.Volumes.ListAsync(DockerFilters.Empty);

        Assert.Empty(none);
        Assert.All(handler.ApiRequests, request => Assert.Equal("", request.Query));
    }
}
