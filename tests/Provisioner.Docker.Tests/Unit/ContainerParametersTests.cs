using Docker.DotNet.Models;
using Provisioner.Docker.Backend;
using ContainerSpec = Provisioner.Core.Stamps.ContainerSpec;
using NetworkAttachment = Provisioner.Core.Stamps.NetworkAttachment;
using StampPort = Provisioner.Core.Stamps.PortBinding;
using VolumeMount = Provisioner.Core.Stamps.VolumeMount;

namespace Provisioner.Docker.Tests.Unit;

public sealed class ContainerParametersTests
{
    private static readonly ContainerSpec App = new(
        "notes-app:1.1.0", null, ["/app/notes"], new Dictionary<string, string> { ["B"] = "2", ["A"] = "1" },
        [new NetworkAttachment("t-acme-app", ["app"]), new NetworkAttachment("t-acme-db", [])],
        [new VolumeMount("t-acme-data", "/data")], ["db-password"], 500_000_000, 256L << 20, new StampPort(8080, "127.0.0.1", 20001));

    [Fact]
    public void For_LongRunningApp_HardenedLimitsAndLoopbackPort()
    {
        var p = ContainerParameters.For(App, new Dictionary<string, string> { ["provisioner.tenant"] = "acme" }, longRunning: true);
        var host = p.HostConfig!;

        Assert.Equal((256L << 20, 256L << 20, 500_000_000L, 512L, true), (host.Memory, host.MemorySwap, host.NanoCPUs, host.PidsLimit, host.Init));
        Assert.Equal(["no-new-privileges"], host.SecurityOpt);
        Assert.Equal("json-file", host.LogConfig.Type);
        Assert.Equal(new Dictionary<string, string> { ["max-size"] = "10m", ["max-file"] = "3" }, host.LogConfig.Config);
        Assert.Equal(RestartPolicyKind.UnlessStopped, host.RestartPolicy.Name);
        var binding = Assert.Single(Assert.Single(host.PortBindings).Value);
        Assert.Equal(("127.0.0.1", "20001"), (binding.HostIP, binding.HostPort));
        var mount = Assert.Single(host.Mounts!);
        Assert.Equal(("volume", "t-acme-data", "/data"), (mount.Type, mount.Source, mount.Target));
        Assert.Null(host.Binds);
        Assert.Equal(["A=1", "B=2"], p.Env);
        Assert.Equal("t-acme-app", host.NetworkMode);
        Assert.Equal(["app"], Assert.Single(p.NetworkingConfig!.EndpointsConfig).Value.Aliases);
    }

    [Fact]
    public void For_Job_NoRestartPolicyNoPort()
    {
        var p = ContainerParameters.For(App with { Port = null }, new Dictionary<string, string>(), longRunning: false);

        Assert.Null(p.HostConfig!.RestartPolicy);
        Assert.Null(p.HostConfig.PortBindings);
        Assert.Null(p.ExposedPorts);
        Assert.Equal(["no-new-privileges"], p.HostConfig.SecurityOpt);
    }
}
