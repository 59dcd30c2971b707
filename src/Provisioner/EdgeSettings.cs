namespace Provisioner;

/// <summary>
/// The shared edge proxy of the Docker backend, and (derived from it) of the Swarm cluster (on by default in the CLI: <see cref="Local"/>). When set, one edge container per
/// <see cref="Name"/> is the only published port: <c>https://acme.&lt;Domain&gt;:&lt;Port&gt;</c> reaches acme's entry, with a
/// certificate from the edge's own local CA (exported to <c>&lt;Home&gt;/edge/&lt;Name&gt;-ca.crt</c>) or the operator's, and tenant networks are
/// internal. A Swarm cluster gets its own edge derived from it (<c>&lt;Name&gt;-swarm</c> on the manager, names under
/// <c>swarm.&lt;Domain&gt;</c>); the AWS backend ignores it.
/// </summary>
public sealed record EdgeSettings
{
    /// <summary>
    /// The edge the CLI uses when nothing names one: <c>https://acme.localhost:8443</c> (names under <c>localhost</c> resolve
    /// to this machine, RFC 6761), the edge's own CA, container <c>provision-edge</c>.
    /// </summary>
    public static EdgeSettings Local { get; } = new() { Domain = "localhost" };

    /// <summary>The domain tenants are named under (<c>acme.tenants.test</c>). Required.</summary>
    public required string Domain { get; init; }

    /// <summary>Host port the edge publishes, on <see cref="ProvisionerSettings.PublishAddress"/>. Default 8443.</summary>
    public int Port { get; init; } = 8443;

    /// <summary>Name of the edge container, network and volume (<c>-data</c>). Default <c>provision-edge</c>.</summary>
    public string Name { get; init; } = "provision-edge";

    /// <summary>
    /// The operator's certificate for <c>*.&lt;Domain&gt;</c> (PEM, with its intermediates), served instead of one from the
    /// edge's own CA; <see cref="KeyFile"/> is then required. Default null.
    /// </summary>
    public string? CertificateFile { get; init; }

    /// <summary>The private key of <see cref="CertificateFile"/> (PEM, unencrypted).</summary>
    public string? KeyFile { get; init; }

    /// <summary>The root <see cref="CertificateFile"/> chains to, for health checks; null: the system's trust (a public CA).</summary>
    public string? CaFile { get; init; }
}
