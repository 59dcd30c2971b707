using System.Net;
using Docker.DotNet.Models;
using Provisioner.Core.Backends;
using Provisioner.Core.Stamps;
using Provisioner.Docker.Engine;

namespace Provisioner.Docker.Backend;

/// <summary>
/// A tenant's volume mounted in a short-lived helper container (the owning component's image, root with only the file
/// capabilities, a read-only root, no network), for file archives taken while the component is stopped; and a
/// component's address for TCP and HTTP checks.
/// </summary>
internal sealed partial class DockerBackend
{
    /// <summary>The <c>provisioner.kind</c> label of helper containers (apply removes any a dead process left).</summary>
    public const string HelperKind = "helper";

    public Task<CommandResult> RunWithVolumeAsync(
        string tenant, string image, string volume, string mountPath, IReadOnlyList<string> command, Stream? stdin, Stream? stdout, CancellationToken ct) =>
        RunHelperAsync(tenant, image, [new Mount { Type = "volume", Source = volume, Target = mountPath }], command, stdin, stdout, ct);

    /// <summary>Every tenant's volumes live on this one engine: a helper can mount several, of several tenants, at once.</summary>
    public Task<CommandResult> RunWithVolumesAsync(string tenant, string image, IReadOnlyList<HelperMount> mounts, IReadOnlyList<string> command, CancellationToken ct) =>
        RunHelperAsync(tenant, image, mounts.Select(m => new Mount { Type = "volume", Source = m.Volume, Target = m.Path, ReadOnly = m.ReadOnly }).ToList(), command, null, null, ct);

    private Task<CommandResult> RunHelperAsync(
        string tenant, string image, IList<Mount> mounts, IReadOnlyList<string> command, Stream? stdin, Stream? stdout, CancellationToken ct) =>
        Guard(async () =>
        {
            var name = $"t-{tenant}-helper-{Guid.NewGuid():N}"[..Math.Min(63, tenant.Length + 22)];
            var labels = new Dictionary<string, string>
            {
                [StampLabels.Managed] = "true", [StampLabels.Tenant] = tenant, [StampLabels.Kind] = HelperKind, [StampLabels.Component] = "helper",
            };
            var created = await _docker.Containers.CreateContainerAsync(
                new CreateContainerParameters
                {
                    Name = name,
                    Image = image,
                    User = "0:0",
                    Entrypoint = ["sleep"],
                    Cmd = ["3600"],
                    Labels = labels,
                    HostConfig = new HostConfig
                    {
                        NetworkMode = "none",
                        Mounts = mounts,
                        Memory = 256L << 20,
                        PidsLimit = 256,
                        // Root for files of any owner (tar keeps owners and modes), with only the file capabilities that takes.
                        CapDrop = ["ALL"],
                        CapAdd = ["CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID"],
                        ReadonlyRootfs = true,
                        Tmpfs = new Dictionary<string, string> { ["/tmp"] = "mode=1777,size=64m" },
                        SecurityOpt = ["no-new-privileges:true"],
                        LogConfig = new LogConfig { Type = "json-file", Config = new Dictionary<string, string> { ["max-size"] = "1m", ["max-file"] = "1" } },
                    },
                },
                ct);
            try
            {
                await _docker.Containers.StartContainerAsync(created.ID, null, ct);
                var result = await ExecRunner.RunAsync(_docker.Exec, created.ID, new ExecRequest { Cmd = command, Stdin = stdin, StdoutSink = stdout }, ct);
                return new CommandResult(result.ExitCode, result.Stdout, result.Stderr);
            }
            finally
            {
                await IgnoreMissing(() => _docker.Containers.RemoveContainerAsync(created.ID, new ContainerRemoveParameters { Force = true }, CancellationToken.None));
            }
        }, ct);

    /// <summary>Behind the edge, tenant networks are internal: the engine's host has no address on them.</summary>
    public bool ComponentsReachableFromHere => EdgeProxy is null;

    public Task<IPAddress?> AddressOfAsync(string tenant, string component, CancellationToken ct) => Guard(async () =>
    {
        ContainerInspectResponse inspect;
        try
        {
            inspect = await _docker.Containers.InspectContainerAsync(StampNames.Container(tenant, component), ct);
        }
        catch (Exception e) when (EngineErrorMapping.IsNotFound(e))
        {
            return null;
        }

        if (inspect.State?.Running != true)
        {
            return null;
        }

        // The tenant's internal network first: every component is on it, and the host reaches its bridge directly.
        var networks = inspect.NetworkSettings?.Networks ?? new Dictionary<string, EndpointSettings>();
        var address = networks.OrderBy(n => n.Key == StampNames.InternalNetwork(tenant) ? 0 : 1).Select(n => n.Value.IPAddress).FirstOrDefault(a => !string.IsNullOrEmpty(a));
        return address is not null && IPAddress.TryParse(address, out var ip) ? ip : null;
    }, ct);
}
