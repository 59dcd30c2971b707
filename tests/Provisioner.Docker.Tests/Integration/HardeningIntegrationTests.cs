using System.Net;
using System.Net.Sockets;
using Docker.DotNet.Models;
using Microsoft.Extensions.Logging.Abstractions;
using Provisioner.Core.Backends;
using Provisioner.Core.Reconcile;
using Provisioner.Core.Secrets;
using Provisioner.Core.Stamps;
using Provisioner.Core.Templates;
using Provisioner.Docker.Backend;
using EnginePortBinding = Docker.DotNet.Models.PortBinding;

namespace Provisioner.Docker.Tests.Integration;

/// <summary>
/// A notes tenant applied through <see cref="DockerBackend"/> on the real engine (its migration job left out, so no
/// database needs to come up), then every container inspected for the hardening the backend promises.
/// </summary>
[Trait("Category", "Integration")]
public sealed class HardeningIntegrationTests : IAsyncLifetime
{
    private const string HostIp = "127.0.0.1";

    private readonly TestRun _run = new();
    private readonly string _tenant;
    private readonly DockerBackend _backend;
    private Stamp _stamp = null!;

    /// <summary>Each container's CPU limit as inspected right after the apply created it (the startup boost).</summary>
    private readonly Dictionary<string, (long NanoCpus, long Shares)> _cpusWhileApplying = [];

    public HardeningIntegrationTests()
    {
        _tenant = $"hard{_run.Id[..8]}";
        _backend = new DockerBackend(_run.Engine, new DockerBackendOptions { StopTimeoutSeconds = 1 }, NullLogger<DockerBackend>.Instance);
    }

    public Task InitializeAsync() => _run.SetUpAsync(async () =>
    {
        try
        {
            var templates = new DirectoryTemplateCatalog(Path.Combine(RepositoryRoot.Find(), "templates"), Provisioner.Data.StandardDataAdapters.Create().Rules);
            var full = StampBuilder.Build(templates.Resolve(TemplateRef.Parse("notes@1.1.0")), _tenant, "small", FreePort(), HostIp);
            _stamp = full with { Jobs = [] };
            await _backend.PreflightAsync(_stamp, _run.Deadline());
            var secrets = TenantSecrets.Empty.WithGenerated(_stamp.Template.Secrets);
            var context = new ApplyContext((_, _) => Task.CompletedTask, _ => Task.CompletedTask, async change =>
            {
                if (change.Resource == ResourceType.Container)
                {
                    var host = (await _run.Client.Containers.InspectContainerAsync(change.Name, _run.Deadline())).HostConfig!;
                    _cpusWhileApplying[change.Name] = (host.NanoCPUs, host.CPUShares);
                }
            });
            await _backend.ApplyAsync(_stamp, secrets, context, _run.Deadline(120));
        }
        catch
        {
            await DestroyAsync();
            throw;
        }
    });

    public async Task DisposeAsync()
    {
        await DestroyAsync();
        await _run.DisposeAsync();
    }

    [Fact]
    public async Task ApplyAsync_NotesTenant_EveryContainerHardened()
    {
        Assert.Equal(2, _stamp.Containers.Count);
        foreach (var resource in _stamp.Containers)
        {
            var inspect = await _run.Client.Containers.InspectContainerAsync(resource.Name, _run.Deadline());
            var host = inspect.HostConfig!;
            var spec = resource.Spec;
            var what = $"{resource.Name}: ";

            Assert.True(host.Memory == spec.MemoryBytes && host.Memory > 0, $"{what}Memory {host.Memory}, want {spec.MemoryBytes}");
            Assert.True(host.MemorySwap == spec.MemoryBytes, $"{what}MemorySwap {host.MemorySwap}, want {spec.MemoryBytes} (no swap beyond the limit)");
            Assert.True(host.NanoCPUs == spec.NanoCpus && host.NanoCPUs > 0, $"{what}NanoCpus {host.NanoCPUs}, want {spec.NanoCpus}");
            Assert.True(host.PidsLimit == spec.Security.PidsLimit, $"{what}PidsLimit {host.PidsLimit}, want {spec.Security.PidsLimit}");
            Assert.True(host.Init == true, $"{what}Init {host.Init}");
            Assert.True(host.SecurityOpt?.Contains("no-new-privileges:true") == true, $"{what}SecurityOpt [{string.Join(", ", host.SecurityOpt ?? [])}] lacks no-new-privileges:true");
            Assert.True(host.CapDrop?.SequenceEqual(["ALL"]) == true, $"{what}CapDrop [{string.Join(", ", host.CapDrop ?? [])}], want ALL");
            Assert.True((host.CapAdd ?? []).Order().SequenceEqual(spec.Security.Capabilities.Order()), $"{what}CapAdd [{string.Join(", ", host.CapAdd ?? [])}], want the declared [{string.Join(", ", spec.Security.Capabilities)}]");
            Assert.True(host.ReadonlyRootfs, $"{what}root file system is writable");
            Assert.True(inspect.Config!.User == (spec.Security.User ?? ""), $"{what}User '{inspect.Config.User}', want '{spec.Security.User}'");
            Assert.All(spec.Security.Tmpfs, p => Assert.True(host.Tmpfs?.ContainsKey(p) == true, $"{what}no tmpfs at {p}"));
            Assert.True(spec.SecretFiles.Count == 0 || host.Tmpfs?.ContainsKey(StampBuilder.SecretsDirectory) == true, $"{what}secrets not on a tmpfs");
            Assert.True(host.LogConfig?.Type == "json-file", $"{what}log driver {host.LogConfig?.Type}, want json-file");
            var logOptions = host.LogConfig!.Config ?? new Dictionary<string, string>();
            Assert.True(logOptions.TryGetValue("max-size", out var maxSize) && maxSize == "10m", $"{what}log max-size {maxSize}, want 10m");
            Assert.True(logOptions.TryGetValue("max-file", out var maxFile) && maxFile == "3", $"{what}log max-file {maxFile}, want 3");
            Assert.Equal(RestartPolicyKind.UnlessStopped, host.RestartPolicy?.Name);
            Assert.False(host.Privileged, $"{what}privileged");

            Assert.Empty(host.Binds ?? []);
            Assert.All(inspect.Mounts ?? [], m => Assert.True(m.Type == "volume" && _stamp.Volumes.Any(v => v.Name == m.Name), $"{what}mount {m.Type} {m.Source} -> {m.Destination} is not one of the tenant's named volumes"));
            Assert.Equal(spec.Mounts.Count, (inspect.Mounts ?? []).Count);

            var bound = Bindings(host.PortBindings);
            var published = Bindings(inspect.NetworkSettings?.Ports);
            Assert.Equal(spec.Port is null ? 0 : 1, bound.Count);
            Assert.All(bound.Concat(published), b => Assert.True(b.HostIP == HostIp, $"{what}port bound to '{b.HostIP}:{b.HostPort}', want {HostIp} only"));
            Assert.False(host.PublishAllPorts, $"{what}publishes all ports");

            var networks = inspect.NetworkSettings!.Networks.Keys.Order().ToList();
            Assert.Equal(spec.Networks.Select(n => n.Network).Order().ToList(), networks);
            Assert.DoesNotContain("bridge", networks);
        }
    }

    [Fact]
    public async Task ApplyAsync_ContainersStartAboveTheirCpuLimitAndWeight_BackToBothWhenTheApplyEnds()
    {
        var boost = (long)(new DockerBackendOptions().StartupCpus * 1e9);
        foreach (var resource in _stamp.Containers)
        {
            Assert.True(boost > resource.Spec.NanoCpus, $"the small size's limit ({resource.Spec.NanoCpus}) is below the default boost ({boost})");
            Assert.Equal((boost, 1024L), _cpusWhileApplying[resource.Name]);
            var after = (await _run.Client.Containers.InspectContainerAsync(resource.Name, _run.Deadline())).HostConfig!;
            Assert.Equal((resource.Spec.NanoCpus, ContainerParameters.CpuShares(resource.Spec)), (after.NanoCPUs, after.CPUShares));
            Assert.True(after.CPUShares < 1024, $"{resource.Name}: the small size's weight ({after.CPUShares}) is not below the boost's");
        }
    }

    [Fact]
    public async Task ApplyAsync_AContainerLeftAtItsBoost_IsLoweredAgainNotReplaced()
    {
        // An apply killed before it lowered the boost leaves the container at it: not a hand's change (a replace would stop
        // a database that may be initialising); the next apply lowers it and keeps the container.
        var boost = (long)(new DockerBackendOptions().StartupCpus * 1e9);
        var db = _stamp.Containers.First(c => c.Component == "db");
        var before = await _run.Client.Containers.InspectContainerAsync(db.Name, _run.Deadline());
        await _run.Client.Containers.UpdateContainerAsync(before.ID, new ContainerUpdateParameters { NanoCPUs = boost, CPUShares = 1024 }, _run.Deadline());

        var plan = await _backend.PlanAsync(_stamp, _run.Deadline());
        Assert.DoesNotContain(plan, c => c.Name == db.Name);
        var secrets = TenantSecrets.Empty.WithGenerated(_stamp.Template.Secrets);
        var applied = await _backend.ApplyAsync(_stamp, secrets, new ApplyContext((_, _) => Task.CompletedTask, _ => Task.CompletedTask, _ => Task.CompletedTask), _run.Deadline(120));

        Assert.DoesNotContain(applied.Changes, c => c.Name == db.Name);
        var after = await _run.Client.Containers.InspectContainerAsync(db.Name, _run.Deadline());
        Assert.Equal(before.ID, after.ID);
        Assert.Equal((db.Spec.NanoCpus, ContainerParameters.CpuShares(db.Spec)), (after.HostConfig!.NanoCPUs, after.HostConfig.CPUShares));
    }

    private static List<EnginePortBinding> Bindings(IDictionary<string, IList<EnginePortBinding>>? ports) =>
        ports is null ? [] : ports.SelectMany(p => p.Value ?? []).ToList();

    private async Task DestroyAsync()
    {
        using var cleanup = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await _backend.DestroyAsync(_tenant, deleteData: true, cleanup.Token);
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
