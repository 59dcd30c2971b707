using System.Net.Sockets;
using Provisioner.Docker.Engine;

namespace Provisioner.Swarm.Tests.Support;

/// <summary>
/// The cluster `make cluster` made. Under `make test`, PROVISIONER_TEST_SWARM_MANAGER names its manager and the tests must
/// run (an unusable cluster fails them). Run any other way, the tests use .build/cluster/manager when that cluster answers,
/// and are skipped with the reason when it does not (e.g. `make unit`, or `dotnet test` before `make cluster`).
/// </summary>
internal static class SwarmCluster
{
    public const string Variable = "PROVISIONER_TEST_SWARM_MANAGER";

    private static readonly Lazy<(string? Manager, string? SkipReason)> Found = new(Find);

    /// <summary>The manager's engine address (unix:///...).</summary>
    public static string Manager => Found.Value.Manager ?? throw new InvalidOperationException(Found.Value.SkipReason);

    public static string? SkipReason => Found.Value.SkipReason;

    /// <summary>The cluster's state folder (the manager socket is STATE/1/docker.sock).</summary>
    public static string StateDir => Path.GetDirectoryName(Path.GetDirectoryName(new Uri(Manager).AbsolutePath))!;

    /// <summary>The manager's Engine API over TLS (tcp://ADDRESS:2376, --tlsverify), as STATE/manager-tls says.</summary>
    public static string TlsManager => File.ReadAllText(Path.Combine(StateDir, "manager-tls")).Trim();

    /// <summary>The client certificates for <see cref="TlsManager"/>: ca.pem, cert.pem, key.pem.</summary>
    public static string TlsClientFolder => Path.Combine(StateDir, "tls", "client");

    /// <summary>The manager's engine, through the project's own client.</summary>
    public static DockerEngine Engine() => DockerEngineFactory.Create(new DockerEngineOptions { Endpoint = Manager });

    private static (string?, string?) Find()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } required)
        {
            return (required.Trim(), null); // make test: must run, and fail if the cluster does not answer
        }

        var file = Path.Combine(RepoPaths.Root, ".build", "cluster", "manager");
        if (!File.Exists(file))
        {
            return (null, $"no Swarm cluster: {file} does not exist (run `make cluster`, or `make test`, which starts it)");
        }

        var manager = File.ReadAllText(file).Trim();
        return Answers(manager) ? (manager, null) : (null, $"the Swarm cluster in {file} ({manager}) does not answer (run `make cluster`)");
    }

    private static bool Answers(string manager)
    {
        try
        {
            using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            socket.Connect(new UnixDomainSocketEndPoint(new Uri(manager).AbsolutePath));
            return true;
        }
        catch (Exception e) when (e is SocketException or UriFormatException or IOException)
        {
            return false;
        }
    }
}
