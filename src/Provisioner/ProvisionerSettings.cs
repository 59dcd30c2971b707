using Provisioner.Core.Capacity;
using Provisioner.Core.Errors;
using Provisioner.Core.Health;

namespace Provisioner;

/// <summary>
/// Everything the library needs, with defaults that work on one local engine. <see cref="Home"/> and <see cref="Templates"/>
/// are the only settings without one. <see cref="Validate"/> reports every problem at once.
/// </summary>
public sealed record ProvisionerSettings
{
    /// <summary>Where state lives: the registry, its key, locks, backups and logs. Required (the CLI uses <c>~/.provisioner</c>).</summary>
    public required string Home { get; init; }

    /// <summary>
    /// Where the registry (tenants, journal, capacity history, pins, encrypted secrets) and its locks live. Default null:
    /// the SQLite file in <see cref="Home"/> with file locks, for one operator. A team shares one PostgreSQL registry:
    /// <c>postgres://user:password@host:5432/database</c> (locks then hold across machines; each home keeps a copy of the
    /// team's <c>secret.key</c>, which is never stored in the database). The password may also come from PGPASSWORD or ~/.pgpass.
    /// </summary>
    public string? Registry { get; init; }

    /// <summary>
    /// The file holding the key that encrypts tenant secrets (created 0600 on first use). Default null:
    /// <c>secret.key</c> in <see cref="Home"/>. Keep it outside the home so that a copy of the home alone reveals nothing.
    /// </summary>
    public string? KeyFile { get; init; }

    /// <summary>The template catalog: a folder of <c>&lt;product&gt;/&lt;version&gt;/template.yaml</c>. Required.</summary>
    public required string Templates { get; init; }

    /// <summary>The Docker engine tenants run on. Default <c>unix:///var/run/docker.sock</c>.</summary>
    public string Engine { get; init; } = "unix:///var/run/docker.sock";

    /// <summary>
    /// For a <c>tcp://</c> <see cref="Engine"/>: a folder with <c>ca.pem</c>, <c>cert.pem</c> and <c>key.pem</c> (TLS with a
    /// client certificate, as the engine's <c>--tlsverify</c> expects). A remote <c>tcp://</c> engine without it is refused;
    /// loopback may go without. Default null: the docker CLI's <c>DOCKER_TLS_VERIFY</c>/<c>DOCKER_CERT_PATH</c>, else none.
    /// </summary>
    public string? EngineTls { get; init; }

    /// <summary>Where new tenants go when a request names no backend: <c>docker</c> (default), <c>swarm</c> or <c>aws</c>.</summary>
    public string DefaultBackend { get; init; } = "docker";

    /// <summary>Template for new tenants when a request names none; default: the catalog's only product.</summary>
    public string? DefaultTemplate { get; init; }

    /// <summary>First host port handed to tenant entries. Default 20000.</summary>
    public int FirstPort { get; init; } = 20000;

    /// <summary>Last host port handed to tenant entries. Default 29999.</summary>
    public int LastPort { get; init; } = 29999;

    /// <summary>Address entry ports are published on. Default 127.0.0.1 (never all interfaces by default).</summary>
    public string PublishAddress { get; init; } = "127.0.0.1";

    /// <summary>
    /// The shared edge proxy of the Docker backend (the Swarm cluster's is derived from it: <c>NAME-swarm</c> on the manager, names under <c>swarm.DOMAIN</c>). Default null: the edge this home's tenants were last provisioned behind
    /// (every command with an edge named here records it in <c>&lt;Home&gt;/edge/settings.json</c>; <c>provision edge remove</c>
    /// forgets it), else <see cref="DefaultEdge"/>.
    /// </summary>
    public EdgeSettings? Edge { get; init; }

    /// <summary>
    /// The edge used when neither <see cref="Edge"/> nor the home's record names one (never recorded). Default null: off,
    /// each tenant publishes its own port; the CLI sets <see cref="EdgeSettings.Local"/>, so the edge is on unless turned off.
    /// </summary>
    public EdgeSettings? DefaultEdge { get; init; }

    /// <summary>True turns the edge off for this run, even one <see cref="Edge"/> names or the home recorded (<c>PROVISIONER_EDGE=off</c>, <c>edge: { enabled: false }</c>). Default false.</summary>
    public bool EdgeOff { get; init; }

    /// <summary>The edge <see cref="Edge"/> names as the backend and the probes use it (null when none does).</summary>
    public Core.Edge.EdgeOptions? EdgeOptions => OptionsOf(Edge);

    /// <summary>The edge <see cref="DefaultEdge"/> names as the backend and the probes use it (null when none does).</summary>
    public Core.Edge.EdgeOptions? DefaultEdgeOptions => OptionsOf(DefaultEdge);

    /// <summary>An edge's options: the CA is exported to <c>&lt;Home&gt;/edge/&lt;name&gt;-ca.crt</c>.</summary>
    private Core.Edge.EdgeOptions? OptionsOf(EdgeSettings? edge) => edge is null
        ? null
        : new Core.Edge.EdgeOptions
        {
            Domain = edge.Domain, Port = edge.Port, Name = edge.Name, Address = PublishAddress,
            CaFile = Path.Combine(Home, "edge", $"{edge.Name}-ca.crt"),
            Certificate = edge.CertificateFile is null && edge.KeyFile is null
                ? null
                : new Core.Edge.EdgeCertificate { CertificateFile = edge.CertificateFile ?? "", KeyFile = edge.KeyFile ?? "", CaFile = edge.CaFile },
        };

    /// <summary>Health gate deadlines and backoff. Defaults: see <see cref="HealthGateOptions"/>.</summary>
    public HealthGateOptions Health { get; init; } = new();

    /// <summary>Capacity reserve, CPU overcommit and scope. Defaults: see <see cref="CapacityOptions"/>.</summary>
    public CapacityOptions Capacity { get; init; } = new();

    /// <summary>The Docker Swarm backend (used only by tenants placed on it; <see cref="SwarmSettings.Manager"/> required then).</summary>
    public SwarmSettings Swarm { get; init; } = new();

    /// <summary>The AWS backend (used only by tenants placed on it).</summary>
    public AwsSettings Aws { get; init; } = new();

    /// <summary>Backups: where they go and which on-demand ones are kept. Defaults: see <see cref="BackupSettings"/>.</summary>
    public BackupSettings Backups { get; init; } = new();

    /// <summary>Folder of upgrade and on-demand backups: <see cref="BackupSettings.Directory"/>, else <c>&lt;Home&gt;/backups</c>.</summary>
    public string BackupRoot => Backups.Directory is { Length: > 0 } folder ? Path.GetFullPath(folder) : Path.Combine(Home, "backups");

    /// <summary>
    /// Checks a registry setting (a <c>postgres://</c> URL, or nothing for SQLite in the home) without contacting anything;
    /// a wrong one is a <see cref="BadInputException"/> naming <paramref name="source"/> (a variable, a file and line), never the password.
    /// </summary>
    public static void CheckRegistry(string? registry, string source) => Provisioner.Registry.RegistryFactory.Validate(registry, source);

    /// <summary>Checks every setting; throws one <see cref="BadInputException"/> listing each problem.</summary>
    public ProvisionerSettings Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Home))
        {
            errors.Add("Home is required (the folder the registry lives in)");
        }

        if (string.IsNullOrWhiteSpace(Templates))
        {
            errors.Add("Templates is required (a folder of <product>/<version>/template.yaml)");
        }

        if (DefaultBackend is not ("docker" or "aws" or "swarm"))
        {
            errors.Add($"DefaultBackend '{DefaultBackend}' is not one of: docker, swarm, aws");
        }

        if (DefaultBackend == "swarm" && string.IsNullOrWhiteSpace(Swarm.Manager))
        {
            errors.Add("DefaultBackend is swarm but Swarm.Manager (the manager node's engine address) is not set");
        }

        try
        {
            Provisioner.Registry.RegistryFactory.Validate(Registry, "Registry");
        }
        catch (ProvisionerException e)
        {
            errors.Add(e.Message);
        }

        try
        {
            Health.Validate();
            Capacity.Validate();
            Backups.Retention.Validate();
        }
        catch (ProvisionerException e)
        {
            errors.Add(e.Message);
        }

        errors.AddRange(new Core.Provisioning.ProvisionerOptions { FirstPort = FirstPort, LastPort = LastPort, PublishAddress = PublishAddress, Edge = EdgeOptions ?? DefaultEdgeOptions }.Problems());
        return errors.Count == 0
            ? this
            : throw new BadInputException(
                "invalid settings: " + string.Join("; ", errors),
                "fix them in provisioner.yaml or the environment variables that set them, then run the command again; nothing was changed");
    }
}
