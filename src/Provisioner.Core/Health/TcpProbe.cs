using System.Net.Sockets;
using Provisioner.Core.Backends;
using Provisioner.Core.Templates;

namespace Provisioner.Core.Health;

/// <summary>Connects to a component's port at the address its backend gives (as a node agent would); passes when the connection is accepted.</summary>
internal sealed class TcpProbe(TimeProvider time) : IHealthProbe
{
    public bool CanProbe(HealthCheckSpec check) => check is TcpCheckSpec;

    public async Task<ProbeResult> ProbeAsync(HealthCheckSpec check, ProbeTarget target, CancellationToken ct)
    {
        var spec = (TcpCheckSpec)check;
        var start = time.GetTimestamp();
        var addresses = target.Backend.Require<IComponentAddresses>("reach a component's port from here (tcp check)");
        var address = await addresses.AddressOfAsync(target.Tenant, spec.Component, ct);
        if (address is null)
        {
            return ProbeResult.Fail($"{spec.Component} is not running", time.GetElapsedTime(start));
        }

        try
        {
            using var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            await socket.ConnectAsync(address, spec.Port, ct);
            return ProbeResult.Pass($"connected to {address}:{spec.Port}", time.GetElapsedTime(start));
        }
        catch (SocketException e)
        {
            return ProbeResult.Fail($"{address}:{spec.Port}: {e.Message}", time.GetElapsedTime(start));
        }
    }
}
