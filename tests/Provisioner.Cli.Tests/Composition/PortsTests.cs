using System.Net;
using System.Net.Sockets;
using Provisioner.Composition;

namespace Provisioner.Cli.Tests.Composition;

/// <summary>The host-port probe: a port bound on this machine is taken; an address of another machine cannot be probed.</summary>
public sealed class PortsTests
{
    [Fact]
    public void PortBoundHere_IsTaken_AndFreeAfterRelease()
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
            Assert.False(Ports.IsFreeOn("127.0.0.1")(port));
        }

        Assert.True(Ports.IsFreeOn("127.0.0.1")(port));
    }

    [Fact]
    public void AddressOfAnotherMachine_EveryPortCountsAsFree()
    {
        // 192.0.2.0/24 is TEST-NET-1 (RFC 5737): never an address of this machine.
        Assert.True(Ports.IsFreeOn("192.0.2.1")(20000));
    }
}
