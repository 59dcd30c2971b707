using Provisioner.Core.Backends;
using Provisioner.Core.Health;
using Provisioner.Core.Templates;
using Provisioner.Core.Tests.Fakes;

namespace Provisioner.Core.Tests.Health;

/// <summary>A tcp check on a backend that gives no component address (Swarm): the port is tried from inside the component.</summary>
public sealed class TcpProbeTests
{
    private readonly InMemoryBackend _backend = new();

    [Fact]
    public async Task NoAddresses_ConnectsFromInsideTheComponent_PassesWhenAccepted()
    {
        var result = await ProbeAsync();

        Assert.True(result.Passed, result.Output);
        Assert.Equal(["t queue: bash -c exec 3<>/dev/tcp/127.0.0.1/6379"], _backend.Execs);
        Assert.Contains("127.0.0.1:6379 inside queue", result.Output);
    }

    [Fact]
    public async Task NoAddresses_Refused_FailsSayingWhereAndWhy()
    {
        _backend.OnExec = (_, _) => new CommandResult(1, "", "bash: connect: Connection refused");

        var result = await ProbeAsync();

        Assert.False(result.Passed);
        Assert.Contains("127.0.0.1:6379 inside queue: bash: connect: Connection refused (exit 1)", result.Output);
    }

    [Fact]
    public async Task AddressesNotReachableFromHere_BehindTheEdge_ConnectsFromInsideTheComponent()
    {
        var behindEdge = new BehindEdgeBackend();

        var result = await new TcpProbe(TimeProvider.System).ProbeAsync(
            new TcpCheckSpec("queue", 6379), new ProbeTarget("t", TestTemplates.ParseTracker(), null, behindEdge), CancellationToken.None);

        Assert.True(result.Passed, result.Output);
        Assert.Equal(["t queue: bash -c exec 3<>/dev/tcp/127.0.0.1/6379"], behindEdge.Execs);
    }

    private Task<ProbeResult> ProbeAsync() =>
        new TcpProbe(TimeProvider.System).ProbeAsync(new TcpCheckSpec("queue", 6379), new ProbeTarget("t", TestTemplates.ParseTracker(), null, _backend), CancellationToken.None);

    /// <summary>A backend that knows its components' addresses but cannot reach them from here (tenant networks internal).</summary>
    private sealed class BehindEdgeBackend : InMemoryBackend, IComponentAddresses
    {
        public bool ComponentsReachableFromHere => false;

        public Task<System.Net.IPAddress?> AddressOfAsync(string tenant, string component, CancellationToken ct) =>
            Task.FromResult<System.Net.IPAddress?>(System.Net.IPAddress.Parse("172.30.0.9"));
    }
}
