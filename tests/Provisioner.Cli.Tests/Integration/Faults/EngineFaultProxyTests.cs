using Provisioner.Cli.Tests.Support;
using Provisioner.Cli.Tests.Support.FaultProxy;

namespace Provisioner.Cli.Tests.Integration.Faults;

/// <summary>The fault proxy itself, with faults off: the docker CLI's calls (plain, streamed, hijacked) go through it unchanged.</summary>
[Collection(EngineCollection.Name)]
[Trait("Category", "Integration")]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class EngineFaultProxyTests
{
    [Fact]
    public async Task NoFaults_DockerCliWorksThroughIt()
    {
        await using var proxy = new EngineFaultProxy(seed: 1, share: 0);
        var version = await Shell.RunAsync("docker", "-H", proxy.Address, "version", "--format", "{{.Server.Version}}");
        Assert.True(version.ExitCode == 0, version.ToString());
        var run = await Shell.RunAsync("docker", "-H", proxy.Address, "run", "--rm", "--entrypoint", "sh", "provisioner/postgres:15", "-c", "echo done");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("done", run.Stdout);

        Assert.True(proxy.Stats.Calls >= 4, proxy.Stats.ToString());
        Assert.Equal(0, proxy.Stats.Faults);
    }
}
