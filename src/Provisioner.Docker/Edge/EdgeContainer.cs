using System.Globalization;
using Docker.DotNet.Models;
using Provisioner.Core.Edge;

namespace Provisioner.Docker.Edge;

/// <summary>
/// The edge container's create request, confined like a tenant's: every capability dropped (it listens on 8443), a
/// read-only root with a small tmpfs at /tmp, no-new-privileges, the image's non-root user, memory and PID limits, its
/// state (the CA, certificates, the autosaved config) in its own volume, its port published on the edge address only.
/// Labelled as provision's edge, never as a tenant's.
/// </summary>
internal static class EdgeContainer
{
    public static Dictionary<string, string> Labels(EdgeOptions edge) => new()
    {
        [EdgeLabels.Role] = "edge",
        [EdgeLabels.Edge] = edge.Name,
    };

    public static string Volume(EdgeOptions edge) => $"{edge.Name}-data";

    /// <summary>The engine lock taken while the edge is created (a never-started container of this name; none once created).</summary>
    public static string LockName(EdgeOptions edge) => $"{edge.Name}-lock";

    public static CreateContainerParameters For(EdgeOptions edge, string network)
    {
        var port = $"{CaddyConfig.ListenPort}/tcp";
        return new CreateContainerParameters
        {
            Name = edge.Name,
            Image = edge.Image,
            Labels = Labels(edge),
            ExposedPorts = new Dictionary<string, EmptyStruct> { [port] = default },
            StopTimeout = TimeSpan.FromSeconds(10),
            HostConfig = new HostConfig
            {
                Memory = 256L * 1024 * 1024,
                MemorySwap = 256L * 1024 * 1024,
                PidsLimit = 256,
                Init = true,
                CapDrop = ["ALL"],
                ReadonlyRootfs = true,
                Tmpfs = new Dictionary<string, string> { ["/tmp"] = "mode=1777,size=16m" },
                NetworkMode = network,
                Mounts = [new Mount { Type = "volume", Source = Volume(edge), Target = "/data" }],
                PortBindings = new Dictionary<string, IList<PortBinding>>
                {
                    [port] = [new() { HostIP = edge.Address, HostPort = edge.Port.ToString(CultureInfo.InvariantCulture) }],
                },
                RestartPolicy = new RestartPolicy { Name = RestartPolicyKind.UnlessStopped },
                SecurityOpt = ["no-new-privileges:true"],
                LogConfig = new LogConfig { Type = "json-file", Config = new Dictionary<string, string> { ["max-size"] = "10m", ["max-file"] = "3" } },
            },
            NetworkingConfig = new NetworkingConfig { EndpointsConfig = new Dictionary<string, EndpointSettings> { [network] = new() } },
        };
    }
}
