using Docker.DotNet.Models;
using Provisioner.Core.Stamps;
using ContainerSpec = Provisioner.Core.Stamps.ContainerSpec;
using SwarmContainerSpec = Docker.DotNet.Models.ContainerSpec;

namespace Provisioner.Swarm.Backend;

/// <summary>
/// A stamp's container (or job) as a Swarm service: its image by digest, limits and the same reservations (so the
/// scheduler enforces capacity too), secrets as files (tmpfs, mode 0400, owned by the image's user), the tenant's overlay
/// networks with the component's name as alias, DNS round-robin (no virtual IP: this kernel has no IPVS) and, with the
/// edge off, a host-mode published entry port (behind the cluster's edge the entry publishes none). A data component (and
/// a publishing entry) is pinned to its node by a placement constraint on the node id.
/// </summary>
internal static class ServiceSpecs
{
    public const long PidsLimit = 512;

    /// <summary>Octal 0400: read by its owner only.</summary>
    public const uint SecretMode = 0b100_000_000;

    public static ServiceSpec For(
        string name, ContainerSpec spec, IReadOnlyDictionary<string, string> labels, string image, SwarmNodePin? pin,
        IReadOnlyList<SecretReference> secrets, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> volumeLabels, bool job)
    {
        var all = new Dictionary<string, string>(labels);
        if (pin is not null)
        {
            all[SwarmLabels.Node] = pin.Hostname;
        }

        return new ServiceSpec
        {
            Name = name,
            Labels = all,
            Mode = job
                ? new ServiceMode { ReplicatedJob = new ReplicatedJob { MaxConcurrent = 1, TotalCompletions = 1 } }
                : new ServiceMode { Replicated = new ReplicatedService { Replicas = 1 } },
            TaskTemplate = new TaskSpec
            {
                ContainerSpec = new SwarmContainerSpec
                {
                    Image = image,
                    Labels = new Dictionary<string, string>(labels),
                    Command = spec.Entrypoint is null ? null! : [.. spec.Entrypoint],
                    Args = spec.Command is null ? null! : [.. spec.Command],
                    Env = spec.Env.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key}={e.Value}").ToList(),
                    Init = true,
                    StopGracePeriod = TimeSpan.FromSeconds(10),
                    Mounts = spec.Mounts.Select(m => new Mount
                    {
                        Type = "volume",
                        Source = m.Volume,
                        Target = m.Target,
                        VolumeOptions = new VolumeOptions { Labels = volumeLabels.TryGetValue(m.Volume, out var l) ? new Dictionary<string, string>(l) : null! },
                    }).ToList(),
                    Secrets = [.. secrets],
                },
                // Swarm schedules on reservations (the size's requests) and enforces the limits.
                Resources = new ResourceRequirements
                {
                    Limits = new SwarmLimit { NanoCPUs = spec.NanoCpus, MemoryBytes = spec.MemoryBytes, Pids = PidsLimit },
                    // A job reserves nothing: Swarm's constraint enforcer kept counting finished job tasks against their node,
                    // and then rejected new tasks there ("assigned node no longer meets constraints"). Its limits still hold.
                    Reservations = job ? null! : new SwarmResources { NanoCPUs = spec.RequestNanoCpus, MemoryBytes = spec.RequestMemoryBytes },
                },
                RestartPolicy = job
                    ? new SwarmRestartPolicy { Condition = "none" }
                    : new SwarmRestartPolicy { Condition = "any", Delay = TimeSpan.FromSeconds(2) },
                Placement = pin is null ? null! : new Placement { Constraints = [$"node.id=={pin.NodeId}"] },
                Networks = spec.Networks.Select(n => new NetworkAttachmentConfig { Target = n.Network, Aliases = [.. n.Aliases] }).ToList(),
                LogDriver = new SwarmDriver { Name = "json-file", Options = new Dictionary<string, string> { ["max-size"] = "10m", ["max-file"] = "3" } },
            },
            // Trap: Parallelism 0 means "all at once"; one task per service anyway, stop the old one first (a database must not run twice).
            UpdateConfig = job ? null! : new SwarmUpdateConfig { Parallelism = 1, Order = "stop-first", FailureAction = "pause" },
            EndpointSpec = new EndpointSpec
            {
                Mode = "dnsrr",
                Ports = spec.Port is null
                    ? null!
                    : [new PortConfig { Protocol = "tcp", TargetPort = (uint)spec.Port.ContainerPort, PublishedPort = (uint)spec.Port.HostPort, PublishMode = "host" }],
            },
        };
    }
}

/// <summary>The node a data component is pinned to.</summary>
internal sealed record SwarmNodePin(string NodeId, string Hostname);
