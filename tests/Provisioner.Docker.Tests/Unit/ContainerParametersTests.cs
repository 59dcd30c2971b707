using Docker.DotNet.Models;
using Provisioner.Core.Templates;
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
        [new VolumeMount("t-acme-data", "/data")], ["db-password"], 500_000_000, 256L << 20, new StampPort(8080, "127.0.0.1", 20001))
    {
        Security = new SecuritySpec(["CHOWN"], ["/tmp"], "10001:10001", 300),
    };

    private static readonly ImageDefaults Image = new(["/app/notes"], ["serve"], "10001:10001");

    [Fact]
    public void For_RequestsBelowLimits_LimitsEnforcedRequestsAsSharesAndReservation()
    {
        var bursting = App with { RequestNanoCpus = 100_000_000, RequestMemoryBytes = 96L << 20 };

        var host = ContainerParameters.For(bursting, new Dictionary<string, string>(), longRunning: true, Image).HostConfig!;

        Assert.Equal((500_000_000L, 256L << 20, 256L << 20), (host.NanoCPUs, host.Memory, host.MemorySwap));
        Assert.Equal((102L, 96L << 20), (host.CPUShares, host.MemoryReservation));
    }

    [Fact]
    public void For_OldFormSize_RequestsEqualLimits()
    {
        var host = ContainerParameters.For(App, new Dictionary<string, string>(), longRunning: true, Image).HostConfig!;

        Assert.Equal((512L, 256L << 20), (host.CPUShares, host.MemoryReservation));
    }

    [Fact]
    public void For_LongRunningApp_HardenedLimitsAndLoopbackPort()
    {
        var p = ContainerParameters.For(App, new Dictionary<string, string> { ["provisioner.tenant"] = "acme" }, longRunning: true, Image);
        var host = p.HostConfig!;

        Assert.Equal((256L << 20, 256L << 20, 500_000_000L, 300L, true), (host.Memory, host.MemorySwap, host.NanoCPUs, host.PidsLimit, host.Init));
        Assert.Equal(["no-new-privileges:true"], host.SecurityOpt);
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
        var p = ContainerParameters.For(App with { Port = null }, new Dictionary<string, string>(), longRunning: false, Image);

        Assert.Null(p.HostConfig!.RestartPolicy);
        Assert.Null(p.HostConfig.PortBindings);
        Assert.Null(p.ExposedPorts);
        Assert.Equal(["no-new-privileges:true"], p.HostConfig.SecurityOpt);
    }

    [Fact]
    public void For_AnyContainer_AllCapabilitiesDroppedDeclaredAddedReadOnlyRootDeclaredUser()
    {
        var host = ContainerParameters.For(App, new Dictionary<string, string>(), longRunning: true, Image).HostConfig!;

        Assert.Equal(["ALL"], host.CapDrop);
        Assert.Equal(["CHOWN"], host.CapAdd);
        Assert.True(host.ReadonlyRootfs);
        Assert.False(host.Privileged);
        Assert.Equal("mode=1777,uid=10001,gid=10001,size=64m", host.Tmpfs!["/tmp"]);
        Assert.Equal("10001:10001", ContainerParameters.For(App, new Dictionary<string, string>(), longRunning: true, Image).User);
    }

    [Fact]
    public void For_WithSecrets_SecretsOnOwnTmpfsOwnedByUserAndEntrypointWaitsForThem()
    {
        var p = ContainerParameters.For(App with { Entrypoint = ["/app/notes"], Command = ["migrate"] }, new Dictionary<string, string>(), longRunning: true, Image);

        Assert.Equal("mode=0700,uid=10001,gid=10001,size=1m", p.HostConfig!.Tmpfs!["/run/secrets"]);
        Assert.Equal(["/bin/sh", "-c"], p.Entrypoint.Take(2));
        Assert.Equal(["/run/secrets/.ready", "/app/notes", "migrate"], p.Entrypoint.Skip(3)); // the spec's entrypoint drops the image's command
        Assert.Empty(p.Cmd);
        Assert.DoesNotContain(p.Env, e => e.Contains("secret", StringComparison.OrdinalIgnoreCase) && !e.StartsWith("A=", StringComparison.Ordinal));
    }

    [Fact]
    public void For_WithSecretsImageCommand_WaitsThenRunsImageEntrypointAndCommand()
    {
        var p = ContainerParameters.For(App with { Entrypoint = null, Command = null }, new Dictionary<string, string>(), longRunning: true, Image);

        Assert.Equal(["/run/secrets/.ready", "/app/notes", "serve"], p.Entrypoint.Skip(3));
    }

    [Fact]
    public void For_NoSecrets_NoSecretsTmpfsAndCommandUnchanged()
    {
        var p = ContainerParameters.For(App with { SecretFiles = [] }, new Dictionary<string, string>(), longRunning: true, ImageDefaults.None);

        Assert.False(p.HostConfig!.Tmpfs!.ContainsKey("/run/secrets"));
        Assert.Null(p.Entrypoint);
        Assert.Equal(["/app/notes"], p.Cmd);
    }

    [Theory]
    [InlineData(null, "mode=0700,size=1m")]
    [InlineData("0", "mode=0700,size=1m")]
    [InlineData("101:103", "mode=0700,uid=101,gid=103,size=1m")]
    [InlineData("101", "mode=0700,uid=101,size=1m")]
    [InlineData("redis", "mode=0700,size=1m")]
    public void TmpfsOptions_User_OwnedByNumericUserElseRoot(string? user, string expected) =>
        Assert.Equal(expected, SecretDelivery.TmpfsOptions(user));
}
