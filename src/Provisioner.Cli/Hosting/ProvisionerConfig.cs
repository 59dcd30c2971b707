namespace Provisioner.Cli.Hosting;

/// <summary>The optional <c>provisioner.yaml</c>. Every key is optional; the defaults work on one local engine.</summary>
public sealed class ProvisionerConfig
{
    /// <summary>The file this was read from (null: defaults only), so errors in its values can name it and the line.</summary>
    [YamlDotNet.Serialization.YamlIgnore]
    public string? SourceFile { get; set; }

    /// <summary>Folder of templates. Default: <c>./templates</c> if it exists, else the templates shipped with the binary.</summary>
    public string? Templates { get; set; }

    /// <summary>
    /// The registry: unset for the SQLite file in the home, or <c>postgres://user:password@host:5432/database</c> for one
    /// shared by a team ($PROVISIONER_REGISTRY wins). Prefer PGPASSWORD or ~/.pgpass to a password in this file.
    /// </summary>
    public string? Registry { get; set; }

    /// <summary>Docker engine address (<c>unix:///var/run/docker.sock</c>, <c>tcp://host:2375</c>). DOCKER_HOST wins over it.</summary>
    public string? Engine { get; set; }

    /// <summary>
    /// For a <c>tcp://</c> engine: folder of <c>ca.pem</c>, <c>cert.pem</c>, <c>key.pem</c> (TLS with a client certificate).
    /// DOCKER_TLS_VERIFY=1 with DOCKER_CERT_PATH wins, as for the docker CLI. A remote tcp:// engine without it is refused.
    /// </summary>
    public string? EngineTls { get; set; }

    /// <summary>The key file that encrypts tenant secrets ($PROVISIONER_KEY_FILE wins). Default: secret.key in the home.</summary>
    public string? KeyFile { get; set; }

    /// <summary>Template for new tenants when --template is not given ($PROVISIONER_DEFAULT_TEMPLATE wins). Default: the catalog's only product.</summary>
    public string? DefaultTemplate { get; set; }

    /// <summary>Address entry ports are published on. Default 127.0.0.1.</summary>
    public string? PublishAddress { get; set; }

    /// <summary>
    /// The shared edge proxy (opt-in, Docker backend): <c>edge: { domain: tenants.test, port: 8443 }</c>. Default: off.
    /// $PROVISIONER_EDGE_DOMAIN / _PORT / _NAME win; PROVISIONER_EDGE=off turns it off.
    /// </summary>
    public EdgeConfig? Edge { get; set; }

    public HealthSettings Health { get; set; } = new();

    public PortSettings Ports { get; set; } = new();

    /// <summary>Backend for new tenants: <c>docker</c> (default), <c>swarm</c> or <c>aws</c>; <c>--backend</c> wins ($PROVISIONER_BACKEND too). Existing tenants keep theirs.</summary>
    public string? Backend { get; set; }

    /// <summary>The Docker Swarm cluster (<c>--backend swarm</c>): its manager's engine address.</summary>
    public SwarmConfig Swarm { get; set; } = new();

    /// <summary>The AWS target (<c>--backend aws</c>): region, image registry, Pulumi state, quotas.</summary>
    public AwsSettings Aws { get; set; } = new();

    public CapacitySettings Capacity { get; set; } = new();

    /// <summary>Where backups go and which on-demand ones are kept.</summary>
    public BackupsSettings Backups { get; set; } = new();
}
