using Provisioner.Cli.Tests.Support;

namespace Provisioner.Cli.Tests.Integration;

/// <summary>The shared fixture's clean-up: its tenants' resources and its state folders go, and a second call (after a failed set-up called it) is safe.</summary>
[Collection(EngineCollection.Name)]
[Trait("Category", "Integration")]
public sealed class EngineFixtureTests
{
    [Fact]
    public async Task DisposeAsync_TenantVolumeAndHome_RemovesBothAndIsSafeTwice()
    {
        var fixture = new EngineFixture();
        await fixture.InitializeAsync();
        var tenant = fixture.Tenant("cleanup");
        var home = fixture.Cli().Home;
        var volume = $"t-{tenant}-data";
        var created = await Shell.RunAsync("docker", "volume", "create", "--label", $"provisioner.tenant={tenant}", volume);
        Assert.True(created.ExitCode == 0, created.ToString());

        await fixture.DisposeAsync();
        await fixture.DisposeAsync();

        var left = await Shell.RunAsync("docker", "volume", "ls", "-q", "--filter", $"name={volume}");
        Assert.Equal("", left.Stdout.Trim());
        Assert.False(Directory.Exists(home));
    }
}
