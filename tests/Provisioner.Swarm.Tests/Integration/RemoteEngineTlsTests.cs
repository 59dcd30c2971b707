using System.Diagnostics;
using System.Text.Json;
using Provisioner.Swarm.Tests.Support;

namespace Provisioner.Swarm.Tests.Integration;

/// <summary>
/// A remote engine as `provision` must meet one: the cluster manager's dockerd also listens on tcp://ADDRESS:2376 with
/// --tlsverify (make cluster gives the cluster a CA and client certificates). Through the real binary: the swarm backend
/// and the docker backend work over TLS with the client folder; a plain tcp:// to that non-loopback address is refused
/// before anything is sent (exit 2, one line); a wrong CA on either side is a one-line TLS error (exit 1). Nothing is created.
/// </summary>
[Collection(ClusterCollection.Name)]
[Trait("Category", "Integration")]
[Trait("Category", "Swarm")]
public sealed class RemoteEngineTlsTests : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("provision-tls-").FullName;
    private readonly string _otherCa = Directory.CreateTempSubdirectory("provision-other-ca-").FullName;

    [ClusterFact]
    public async Task TcpEngine_TlsWithClientCertificates_Works_PlainRefused_WrongCaEitherSideRefused()
    {
        // Over TLS: the swarm backend lists the three nodes; the docker backend reads the manager node's engine.
        var swarm = Cli(("PROVISIONER_SWARM_MANAGER", SwarmCluster.TlsManager), ("PROVISIONER_SWARM_TLS", SwarmCluster.TlsClientFolder));
        var hosts = await swarm.RunAsync("host", "list", "--json");
        Assert.True(hosts.ExitCode == 0, hosts.ToString());
        Assert.Equal(3, JsonDocument.Parse(hosts.Stdout).RootElement.GetArrayLength());

        var docker = Cli(("PROVISIONER_BACKEND", "docker"), ("DOCKER_HOST", SwarmCluster.TlsManager),
            ("DOCKER_TLS_VERIFY", "1"), ("DOCKER_CERT_PATH", SwarmCluster.TlsClientFolder));
        var capacity = await docker.RunAsync("capacity", "--json");
        Assert.True(capacity.ExitCode == 0, capacity.ToString());

        // Plain HTTP to a non-loopback engine: refused before any request, one line saying what to do.
        var plain = Cli(("PROVISIONER_SWARM_MANAGER", SwarmCluster.TlsManager), ("PROVISIONER_SWARM_TLS", null));
        var refused = await plain.RunAsync("host", "list");
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("is a remote engine over plain HTTP", refused.Stderr);
        Assert.Single(refused.Stderr.Trim().Split('\n'));

        // Another CA: the engine's certificate is not trusted (our side), or our certificate is not (the engine's side).
        await MakeOtherCaAsync();
        var wrongServerCa = Directory.CreateTempSubdirectory("provision-mixed-").FullName;
        File.Copy(Path.Combine(SwarmCluster.TlsClientFolder, "cert.pem"), Path.Combine(wrongServerCa, "cert.pem"));
        File.Copy(Path.Combine(SwarmCluster.TlsClientFolder, "key.pem"), Path.Combine(wrongServerCa, "key.pem"));
        File.Copy(Path.Combine(_otherCa, "client", "ca.pem"), Path.Combine(wrongServerCa, "ca.pem"));
        try
        {
            foreach (var folder in new[] { wrongServerCa, Path.Combine(_otherCa, "client") })
            {
                var wrong = Cli(("PROVISIONER_SWARM_MANAGER", SwarmCluster.TlsManager), ("PROVISIONER_SWARM_TLS", folder));
                var result = await wrong.RunAsync("host", "list");
                Assert.True(result.ExitCode == 1, result.ToString());
                Assert.StartsWith($"Error: TLS with the Docker engine at {SwarmCluster.TlsManager} failed:", result.Stderr.Trim());
                Assert.Single(result.Stderr.Trim().Split('\n'));
            }
        }
        finally
        {
            Directory.Delete(wrongServerCa, recursive: true);
        }
    }

    public void Dispose()
    {
        Directory.Delete(_home, recursive: true);
        Directory.Delete(_otherCa, recursive: true);
    }

    private SwarmCli Cli(params (string Name, string? Value)[] environment)
    {
        var cli = new SwarmCli(_home);
        foreach (var (name, value) in environment)
        {
            cli.Environment[name] = value;
        }

        return cli;
    }

    /// <summary>A CA of its own and a client certificate from it (the same script make cluster uses).</summary>
    private async Task MakeOtherCaAsync()
    {
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(RepoPaths.Root, "infra", "cluster", "tls.sh"));
        info.ArgumentList.Add(_otherCa);
        using var process = Process.Start(info)!;
        var output = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, await output);
    }
}
