namespace Provisioner.Cli.Hosting;

/// <summary>
/// <c>swarm:</c> in provisioner.yaml: the Docker Swarm cluster used by <c>--backend swarm</c> (or <c>backend: swarm</c>).
/// </summary>
public sealed class SwarmConfig
{
    /// <summary>A manager node's engine, e.g. <c>unix:///work/provision/.build/cluster/1/docker.sock</c> ($PROVISIONER_SWARM_MANAGER wins).</summary>
    public string? Manager { get; set; }

    /// <summary>The engine the images are built on. Default: <c>engine:</c> (DOCKER_HOST, else the local engine).</summary>
    public string? ImageSource { get; set; }

    /// <summary>The registry every node pulls from (<c>host:port</c>). Default: the one the cluster names (its manager's node label).</summary>
    public string? Registry { get; set; }

    /// <summary>For a <c>tcp://</c> manager (and nodes labelled with one): folder of ca.pem, cert.pem, key.pem ($PROVISIONER_SWARM_TLS wins).</summary>
    public string? Tls { get; set; }
}
