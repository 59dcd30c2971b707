using System.Globalization;
using Provisioner.Core.Stamps;
using Provisioner.Docker.Engine;

namespace Provisioner.Docker.Backend;

/// <summary>Maps a stamp's container spec to an Engine API create request: limits, loopback-only ports, labels, log rotation.</summary>
internal static class ContainerParameters
{
    public static ContainerCreateParameters For(ContainerSpec spec, IReadOnlyDictionary<string, string> labels, bool longRunning)
    {
        var first = spec.Networks[0];
        var port = spec.Port is null ? null : $"{spec.Port.ContainerPort}/tcp";
        return new ContainerCreateParameters
        {
            Image = spec.Image,
            Entrypoint = spec.Entrypoint,
            Cmd = spec.Command,
            Env = spec.Env.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key}={e.Value}").ToList(),
            Labels = labels,
            ExposedPorts = port is null ? null : [port],
            StopTimeout = 10,
            HostConfig = new HostConfig
            {
                NanoCpus = spec.NanoCpus,
                Memory = spec.MemoryBytes,
                MemorySwap = spec.MemoryBytes,
                PidsLimit = 512,
                Init = true,
                NetworkMode = first.Network,
                Mounts = spec.Mounts.Select(m => Mount.Volume(m.Volume, m.Target)).ToList(),
                PortBindings = spec.Port is null || port is null
                    ? null
                    : new Dictionary<string, IReadOnlyList<Engine.PortBinding>>
                    {
                        [port] = [new Engine.PortBinding { HostIp = spec.Port.HostIp, HostPort = spec.Port.HostPort.ToString(CultureInfo.InvariantCulture) }],
                    },
                RestartPolicy = longRunning ? new RestartPolicy { Name = "unless-stopped" } : null,
                SecurityOpt = ["no-new-privileges"],
                LogConfig = new LogConfig { Type = "json-file", Config = new Dictionary<string, string> { ["max-size"] = "10m", ["max-file"] = "3" } },
            },
            NetworkingConfig = new NetworkingConfig
            {
                EndpointsConfig = new Dictionary<string, EndpointSettings> { [first.Network] = new() { Aliases = first.Aliases } },
            },
        };
    }
}
