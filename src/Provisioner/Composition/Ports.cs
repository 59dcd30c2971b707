using Provisioner.Core.Provisioning;

namespace Provisioner.Composition;

/// <summary>
/// Checks a host port is free (<see cref="HostPorts.IsFree"/>). An address that is not on this machine (publishAddress
/// naming a remote engine's host) cannot be probed from here: every port counts as free, the registry still keeps
/// tenants' ports apart, and the engine refuses a port taken on its host when it binds it.
/// </summary>
internal static class Ports
{
    public static Func<int, bool> IsFreeOn(string address) => port => HostPorts.IsFree(address, port);
}
