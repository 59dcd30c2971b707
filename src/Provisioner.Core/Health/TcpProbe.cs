using System.Globalization;
using System.Net.Sockets;
using Provisioner.Core.Backends;
using Provisioner.Core.Templates;

namespace Provisioner.Core.Health;

/// <summary>
/// Connects to a component's port. Where the backend gives the component's address (one engine: the container's address
/// on its bridge, as a node agent would), from here; where it does not (a Swarm overlay, or tenant networks made internal
/// by the edge proxy, are not reachable from this machine), from inside the component itself: bash's <c>/dev/tcp</c> to
/// 127.0.0.1 on that port, run through exec (the image needs bash, as every Debian-based image has). Passes when the
/// connection is accepted.
/// </summary>
internal sealed class TcpProbe(TimeProvider time) : IHealthProbe
{
    public bool CanProbe(HealthCheckSpec check) => check is TcpCheckSpec;

    public async Task<ProbeResult> ProbeAsync(HealthCheckSpec check, ProbeTarget target, CancellationToken ct)
    {
        var spec = (TcpCheckSpec)check;
        var start = time.GetTimestamp();
        if (target.Backend is not IComponentAddresses { ComponentsReachableFromHere: true } && target.Backend is IComponentExec exec)
        {
            return await ProbeInsideAsync(exec, spec, target, start, ct);
        }

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

    private async Task<ProbeResult> ProbeInsideAsync(IComponentExec exec, TcpCheckSpec spec, ProbeTarget target, long start, CancellationToken ct)
    {
        var port = spec.Port.ToString(CultureInfo.InvariantCulture);
        var result = await exec.ExecAsync(target.Tenant, spec.Component, ["bash", "-c", $"exec 3<>/dev/tcp/127.0.0.1/{port}"], null, ct);
        return result.Succeeded
            ? ProbeResult.Pass($"connected to 127.0.0.1:{port} inside {spec.Component}", time.GetElapsedTime(start))
            : ProbeResult.Fail(
                $"127.0.0.1:{port} inside {spec.Component}: {HttpProbe.Truncate((result.Stdout + " " + result.Stderr).Trim())} (exit {result.ExitCode})",
                time.GetElapsedTime(start));
    }
}
