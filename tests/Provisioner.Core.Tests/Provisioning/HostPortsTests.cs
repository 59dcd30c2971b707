using System.Net;
using System.Net.Sockets;
using Provisioner.Core.Provisioning;

namespace Provisioner.Core.Tests.Provisioning;

/// <summary>A port is free until something listens on it; an address not on this machine cannot be probed and counts as free.</summary>
public sealed class HostPortsTests
{
    [Fact]
    public void IsFree_TakenWhileAListenerHoldsIt()
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
            Assert.False(HostPorts.IsFree("127.0.0.1", port));
        }

        Assert.True(HostPorts.IsFree("127.0.0.1", port));
    }

    [Fact]
    public void IsFree_AddressNotOnThisMachine_CountsAsFree() =>
        Assert.True(HostPorts.IsFree("192.0.2.1", 8443)); // 192.0.2.0/24 is TEST-NET-1 (RFC 5737): never an address of this machine
}
