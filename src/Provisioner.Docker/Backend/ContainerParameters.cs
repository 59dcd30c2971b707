using System.Globalization;
using Docker.DotNet.Models;
using Provisioner.Core.Stamps;
using ContainerSpec = Provisioner.Core.Stamps.ContainerSpec;
using EnginePortBinding = Docker.DotNet.Models.PortBinding;

namespace Provisioner.Docker.Backend;

/// <summary>
/// Maps a stamp's container spec to a create request, hardened: every capability dropped and only the declared ones
/// added back, a read-only root with tmpfs for the declared writable paths (and for the secrets), no-new-privileges, the
/// declared user, memory (no extra swap), CPU and PID limits, an init process, rotated json-file logs, named volumes only
/// (never a host path), the port published on the recorded host address only, and restart unless-stopped for
/// long-running containers. A container with secrets starts behind <see cref="SecretDelivery"/>'s wait, in front of the
/// image's own entrypoint and command; the image's user owns the tmpfs when the template names none.
/// </summary>
internal static class ContainerParameters
{
    /// <summary>
    /// Options of each declared tmpfs: at most 64 MiB (counted against the container's memory limit as it fills), owned by
    /// the container's numeric user (the engine copies the image folder's mode, e.g. 2775 for /var/run/postgresql).
    /// </summary>
    public static string TmpfsOptions(string? user) => $"mode=1777{NumericUser.MountOptions(user)},size=64m";

    public static CreateContainerParameters For(ContainerSpec spec, IReadOnlyDictionary<string, string> labels, bool longRunning, ImageDefaults image)
    {
        var first = spec.Networks[0];
        var port = spec.Port is null ? null : $"{spec.Port.ContainerPort}/tcp";
        var (entrypoint, command) = Command(spec, image);
        var user = spec.Security.User ?? image.User;
        var tmpfs = spec.Security.Tmpfs.ToDictionary(p => p, _ => TmpfsOptions(user), StringComparer.Ordinal);
        if (spec.SecretFiles.Count > 0)
        {
            tmpfs[StampBuilder.SecretsDirectory] = SecretDelivery.TmpfsOptions(user);
        }

        return new CreateContainerParameters
        {
            Image = spec.Image,
            Entrypoint = entrypoint!,
            Cmd = command!,
            User = spec.Security.User ?? "",
            Env = spec.Env.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key}={e.Value}").ToList(),
            Labels = new Dictionary<string, string>(labels),
            ExposedPorts = port is null ? null : new Dictionary<string, EmptyStruct> { [port] = default },
            StopTimeout = TimeSpan.FromSeconds(10),
            HostConfig = new HostConfig
            {
                NanoCPUs = spec.NanoCpus,
                Memory = spec.MemoryBytes,
                MemorySwap = spec.MemoryBytes,
                CPUShares = CpuShares(spec),
                MemoryReservation = spec.RequestMemoryBytes,
                PidsLimit = spec.Security.PidsLimit,
                Init = true,
                CapDrop = ["ALL"],
                CapAdd = [.. spec.Security.Capabilities],
                ReadonlyRootfs = true,
                Tmpfs = tmpfs,
                NetworkMode = first.Network,
                Mounts = spec.Mounts.Select(m => new Mount { Type = "volume", Source = m.Volume, Target = m.Target }).ToList(),
                PortBindings = spec.Port is null || port is null
                    ? null!
                    : new Dictionary<string, IList<EnginePortBinding>>
                    {
                        [port] = [new() { HostIP = spec.Port.HostIp, HostPort = spec.Port.HostPort.ToString(CultureInfo.InvariantCulture) }],
                    },
                RestartPolicy = longRunning ? new RestartPolicy { Name = RestartPolicyKind.UnlessStopped } : null!,
                SecurityOpt = ["no-new-privileges:true"],
                LogConfig = new LogConfig { Type = "json-file", Config = new Dictionary<string, string> { ["max-size"] = "10m", ["max-file"] = "3" } },
            },
            NetworkingConfig = new NetworkingConfig
            {
                EndpointsConfig = new Dictionary<string, EndpointSettings> { [first.Network] = new() { Aliases = [.. first.Aliases] } },
            },
        };
    }

    /// <summary>The spec's entrypoint and command; with secrets, the wait in front of what would have run (the spec's or the image's).</summary>
    /// <summary>
    /// The request as a relative CPU weight, as Kubernetes does: 1024 shares per requested core (at least 2, the kernel's
    /// minimum), so under contention each container gets CPU in proportion to what its size requested; the limit still caps it.
    /// </summary>
    internal static long CpuShares(ContainerSpec spec) => Math.Max(2, (long)Math.Round(spec.RequestNanoCpus / 1e9 * 1024));

    private static (IList<string>? Entrypoint, IList<string>? Command) Command(ContainerSpec spec, ImageDefaults image)
    {
        if (spec.SecretFiles.Count == 0)
        {
            return (spec.Entrypoint is null ? null : [.. spec.Entrypoint], spec.Command is null ? null : [.. spec.Command]);
        }

        // As the engine does: a new entrypoint drops the image's command too.
        var entrypoint = spec.Entrypoint ?? image.Entrypoint;
        var command = spec.Command ?? (spec.Entrypoint is null ? image.Command : []);
        return (SecretDelivery.WaitingEntrypoint(entrypoint, command), []);
    }
}
