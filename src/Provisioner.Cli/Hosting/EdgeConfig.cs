namespace Provisioner.Cli.Hosting;

/// <summary><c>edge:</c> in provisioner.yaml: the shared edge proxy of the Docker backend, and the Swarm cluster's derived from it (on by default: localhost, 8443).</summary>
public sealed class EdgeConfig
{
    /// <summary>False turns the edge off: each tenant publishes its own port and keeps a route out (PROVISIONER_EDGE=off does the same). Default true.</summary>
    public bool? Enabled { get; set; }

    /// <summary>Tenants answer on <c>&lt;name&gt;.&lt;domain&gt;</c>, e.g. <c>tenants.test</c> ($PROVISIONER_EDGE_DOMAIN wins). Default localhost.</summary>
    public string? Domain { get; set; }

    /// <summary>The one published port (on publishAddress). Default 8443 ($PROVISIONER_EDGE_PORT wins).</summary>
    public int? Port { get; set; }

    /// <summary>Name of the edge container, network and volume. Default provision-edge ($PROVISIONER_EDGE_NAME wins).</summary>
    public string? Name { get; set; }

    /// <summary>The operator's certificate for *.domain (PEM, with intermediates) instead of the edge's own CA; needs key.</summary>
    public string? Certificate { get; set; }

    /// <summary>The certificate's private key (PEM).</summary>
    public string? Key { get; set; }

    /// <summary>The root the certificate chains to, for health checks; omitted: the system's trust.</summary>
    public string? Ca { get; set; }
}
