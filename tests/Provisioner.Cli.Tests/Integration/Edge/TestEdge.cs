using System.Globalization;
using Provisioner.Cli.Tests.Support;

namespace Provisioner.Cli.Tests.Integration.Edge;

/// <summary>
/// An edge proxy of one test: its own name (of this run) and a free port, the settings that turn it on for a CLI, the
/// URL a customer uses for a tenant behind it, a client trusting its CA, and its removal (container, lock, network,
/// volume) at the end: the edge goes before the tenants, as a network it is attached to cannot be removed.
/// </summary>
internal sealed class TestEdge(string runId, string suffix) : IAsyncDisposable
{
    public const string Domain = "tenants.test";

    public string Name { get; } = $"it{runId}-{suffix}";

    public int Port { get; } = EdgeClient.FreePort();

    public Dictionary<string, string> Environment() => new()
    {
        ["PROVISIONER_EDGE"] = "on",
        ["PROVISIONER_EDGE_DOMAIN"] = Domain,
        ["PROVISIONER_EDGE_PORT"] = Port.ToString(CultureInfo.InvariantCulture),
        ["PROVISIONER_EDGE_NAME"] = Name,
    };

    public Uri Url(string tenant, string path) => new($"https://{tenant}.{Domain}:{Port}{path}");

    /// <summary>A customer's client of this edge, trusting only the CA that <c>provision edge ca</c> names.</summary>
    public async Task<HttpClient> ClientAsync(ProvisionCli cli)
    {
        var ca = await cli.RunAsync("edge", "ca");
        Assert.True(ca.ExitCode == 0, ca.ToString());
        return EdgeClient.For(Port, ca.Stdout.Trim());
    }

    public async ValueTask DisposeAsync()
    {
        await Shell.RunAsync("docker", "rm", "-f", Name, $"{Name}-lock");
        await Shell.RunAsync("docker", "network", "rm", Name);
        await Shell.RunAsync("docker", "volume", "rm", "-f", $"{Name}-data");
    }
}
