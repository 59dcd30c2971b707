using Provisioner.Cli.Hosting;
using Provisioner.Core.Errors;

namespace Provisioner.Cli.Tests.Hosting;

/// <summary>A wrong value in provisioner.yaml is reported with the file and line of its key.</summary>
public sealed class ConfigErrorsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("config-errors-").FullName;

    private ProvisionerConfig Load(string yaml)
    {
        var file = Path.Combine(_dir, "provisioner.yaml");
        File.WriteAllText(file, yaml);
        return ConfigLoader.Load(file, _dir);
    }

    [Theory]
    [InlineData("engine: unix:///x.sock\ncapacity:\n  reserve: 10%\n  cpuOvercommit: 2x\n", "capacity.cpuOvercommit", 4)]
    [InlineData("capacity: { reserve: lots }\n", "capacity.reserve", 1)]
    [InlineData("health:\n  deadline: soon\n", "health.deadline", 2)]
    public void Where_NamesFileAndLineOfTheKey(string yaml, string key, int line)
    {
        var config = Load(yaml);

        Assert.Equal($"{config.SourceFile}:{line}: {key}", ConfigLoader.Where(config, key));
    }

    [Fact]
    public void Load_UnknownKey_ListsEveryKeyTheFileAccepts()
    {
        var e = Assert.Throws<BadInputException>(() => Load("engine: unix:///x.sock\nengineTsl: /certs\n"));

        Assert.Contains("unknown key 'engineTsl'", e.Message);
        foreach (var key in new[] { "engineTls", "keyFile", "swarm.manager", "swarm.tls", "health.deadline", "ports.first", "backups.keep", "aws.pulumi" })
        {
            Assert.Contains(key, e.Message);
        }

        Assert.DoesNotContain("sourceFile", e.Message);
    }

    [Fact]
    public void CapacityOptions_WrongValueInTheFile_ErrorNamesFileAndLine()
    {
        var config = Load("capacity:\n  reserve: lots\n");

        var e = Assert.Throws<BadInputException>(() => CapacitySetup.Options(config));

        Assert.Contains($"{config.SourceFile}:2: capacity.reserve: 'lots' is not a number or a percentage", e.Message);
    }

    [Fact]
    public void Where_NoFileOrKeyNotInIt_IsTheBareKey()
    {
        Assert.Equal("health.deadline", ConfigLoader.Where(new ProvisionerConfig(), "health.deadline"));
        Assert.Equal("health.deadline", ConfigLoader.Where(Load("engine: unix:///x.sock\n"), "health.deadline"));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
