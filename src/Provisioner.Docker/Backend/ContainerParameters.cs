using System.Globalization;
using Docker.DotNet.Models;
using Provisioner.Core.Stamps;
using ContainerSpec = Provisioner.Core.Stamps.ContainerSpec;
using EnginePortBinding = Docker.DotNet.Models.PortBinding;

namespace Provisioner.Docker.Backend;

/// <summary>
/// Maps a stamp's container spec to a create request, hardened: memory (no extra swap), CPU and PID limits, an init
/// process, no-new-privileges, rotated json-file logs, named volumes only (never a host path), the port published on
/// the recorded host address only, and restart unless-stopped for long-running containers.
/// </summary>
internal static class ContainerParameters
{
    public const long PidsLimit = 512;

    public static CreateContainerParameters For(ContainerSpec spec, IReadOnlyDictionary<string, string> labels, bool longRunning)
    {
        var first = spec.Networks[0];
        var port = spec.Port is null ? null : $"{spec.Port.ContainerPort}/tcp";
        return new CreateContainerParameters
        {
            Image = spec.Image,
            Entrypoint = spec.Entrypoint is null ? null! : [.. spec.Entrypoint],
            Cmd = spec.Command is null ? null! : [.. spec.Command],
            Env = spec.Env.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key}={e.Value}").ToList(),
            Labels = new Dictionary<string, string>(labels),
            ExposedPorts = port is null ? null : new Dictionary<string, EmptyStruct> { [port] = default },
            StopTimeout = TimeSpan.FromSeconds(10),
            HostConfig = new HostConfig
            {
                NanoCPUs = spec.NanoCpus,
                Memory = spec.MemoryBytes,
                MemorySwap = spec.MemoryBytes,
                PidsLimit = PidsLimit,
                Init = true,
                NetworkMode = first.Network,
                Mounts = spec.Mounts.Select(m => new Mount { Type = "volume", Source = m.Volume, Target = m.Target }).ToList(),
                PortBindings = spec.Port is null || port is null
                    ? null!
                    : new Dictionary<string, IList<EnginePortBinding>>
                    {
                        [port] = [new() { HostIP = spec.Port.HostIp, HostPort = spec.Port.HostPort.ToString(CultureInfo.InvariantCulture) }],
                    },
                RestartPolicy = longRunning ? new RestartPolicy { Name = RestartPolicyKind.UnlessStopped } : null!,
                SecurityOpt = ["no-new-privileges"],
                LogConfig = new LogConfig { Type = "json-file", Config = new Dictionary<string, string> { ["max-size"] = "10m", ["max-file"] = "3" } },
            },
            NetworkingConfig = new NetworkingConfig
            {
                EndpointsConfig = new Dictionary<string, EndpointSettings> { [first.Network] = new() { Aliases = [.. first.Aliases] } },
            },
        };
    }
}
