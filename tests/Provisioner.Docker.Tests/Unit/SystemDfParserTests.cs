using Provisioner.Docker.Engine;

namespace Provisioner.Docker.Tests.Unit;

public sealed class SystemDfParserTests
{
    /// <summary>Trimmed from a real answer of Docker 20.10 (API 1.41).</summary>
    private const string Api141 = """
        {"LayersSize":1092588,"Images":[],"Containers":[],
         "Volumes":[
           {"CreatedAt":"2026-12-01T10:00:00Z","Driver":"local","Labels":{"provisioner.tenant":"acme","provisioner.managed":"true"},
            "Mountpoint":"/var/lib/docker/volumes/t-acme-pgdata/_data","Name":"t-acme-pgdata","Options":null,"Scope":"local",
            "UsageData":{"RefCount":1,"Size":48234496}},
           {"Driver":"local","Labels":null,"Name":"anonymous","UsageData":{"RefCount":0,"Size":-1}}],
         "BuildCache":null}
        """;

    [Fact]
    public void Volumes_Api141Shape_NamesLabelsAndSizes()
    {
        var volumes = SystemDfParser.Volumes(Api141);

        Assert.Equal(2, volumes.Count);
        Assert.Equal("t-acme-pgdata", volumes[0].Name);
        Assert.Equal(48234496, volumes[0].SizeBytes);
        Assert.Equal("acme", volumes[0].Labels["provisioner.tenant"]);
        Assert.Empty(volumes[1].Labels);
        Assert.Equal(-1, volumes[1].SizeBytes);
    }

    [Fact]
    public void Volumes_NewerShapeWithItems_Read()
    {
        var json = """{"VolumeUsage":{"ActiveCount":1,"TotalSize":10,"Items":[{"Name":"v1","Labels":{"a":"b"},"UsageData":{"Size":10,"RefCount":1}}]}}""";

        var volume = Assert.Single(SystemDfParser.Volumes(json));

        Assert.Equal(new[] { "v1", "b" }, new[] { volume.Name, volume.Labels["a"] });
        Assert.Equal(10, volume.SizeBytes);
    }

    [Fact]
    public void Volumes_NoUsageData_SizeUnknown()
    {
        var volume = Assert.Single(SystemDfParser.Volumes("""{"Volumes":[{"Name":"v1"}]}"""));

        Assert.Equal(-1, volume.SizeBytes);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"Volumes":null}""")]
    [InlineData("""{"VolumeUsage":{"TotalSize":0}}""")]
    [InlineData("[]")]
    public void Volumes_NoVolumes_Empty(string json)
    {
        Assert.Empty(SystemDfParser.Volumes(json));
    }
}
