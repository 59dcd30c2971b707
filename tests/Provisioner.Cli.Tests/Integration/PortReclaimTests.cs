using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Provisioner.Cli.Tests.Support;

namespace Provisioner.Cli.Tests.Integration;

/// <summary>
/// A tenant's recorded entry port on the real engine: while its app runs the port is its own (a rerun keeps it); taken
/// by another process while the app was down, the rerun moves the tenant to a new port instead of failing forever.
/// </summary>
[Collection(EngineCollection.Name)]
[Trait("Category", "Integration")]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class PortReclaimTests(EngineFixture engine)
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    [Fact]
    public async Task RecordedPortTakenWhileDown_RerunMovesToANewPort_ItsOwnPortKeptWhileRunning()
    {
        var cli = engine.Cli();
        var name = engine.Tenant("port");
        try
        {
            var first = await cli.RunAsync("tenant", name, "--json");
            Assert.True(first.ExitCode == 0, first.ToString());
            var endpoint = Endpoint(first);
            var port = new Uri(endpoint).Port;

            var again = await cli.RunAsync("tenant", name, "--json");
            Assert.True(again.ExitCode == 0, again.ToString());
            Assert.Equal(endpoint, Endpoint(again));

            Assert.Equal(0, (await Shell.RunAsync("docker", "stop", $"t-{name}-app")).ExitCode);
            using var squatter = new TcpListener(IPAddress.Loopback, port);
            squatter.Start();
            var moved = await cli.RunAsync("tenant", name, "--json");
            Assert.True(moved.ExitCode == 0, moved.ToString());
            var newEndpoint = Endpoint(moved);
            Assert.NotEqual(port, new Uri(newEndpoint).Port);
            Assert.Equal(HttpStatusCode.OK, (await Http.GetAsync($"{newEndpoint}/readyz")).StatusCode);
        }
        finally
        {
            await cli.RunAsync("destroy", name, "--yes", "--delete-data");
        }
    }

    private static string Endpoint(CliResult result) =>
        JsonDocument.Parse(result.Stdout).RootElement.GetProperty("tenant").GetProperty("endpoint").GetString()!;
}
