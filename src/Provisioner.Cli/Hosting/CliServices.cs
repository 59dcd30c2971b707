using Microsoft.Extensions.Logging;
using Provisioner.Core.Backends;
using Provisioner.Core.Health;
using Provisioner.Core.Provisioning;
using Provisioner.Core.Templates;
using Provisioner.Core.Tenants;
using Provisioner.Core.Upgrades;
using Provisioner.Docker.Backend;
using Provisioner.Docker.Engine;
using Provisioner.Registry;
using Serilog.Extensions.Logging;

namespace Provisioner.Cli.Hosting;

/// <summary>The composition root: the one place that knows every implementation. Built per command invocation, lazily.</summary>
internal sealed partial class CliServices : IDisposable
{
    private readonly Serilog.Core.Logger _serilog;
    private readonly SerilogLoggerFactory _loggers;
    private readonly Lazy<IDockerClient> _docker;
    private readonly HttpClient _http = new() { Timeout = Timeout.InfiniteTimeSpan };
    private readonly ProvisionerConfig _config;

    public CliServices(string? configPath, bool verbose)
    {
        Home = CliPaths.Home();
        _config = ConfigLoader.Load(configPath, Home);
        Directory.CreateDirectory(Home);
        _serilog = LoggingSetup.Create(Home, verbose);
        _loggers = new SerilogLoggerFactory(_serilog);
        Options = new ProvisionerOptions
        {
            DefaultTemplate = _config.DefaultTemplate ?? "notes",
            FirstPort = _config.Ports.First ?? 20000,
            LastPort = _config.Ports.Last ?? 29999,
            PublishAddress = _config.PublishAddress ?? "127.0.0.1",
        }.Validate();
        var defaults = new HealthGateOptions();
        HealthOptions = new HealthGateOptions
        {
            Deadline = ConfigLoader.Duration(Environment.GetEnvironmentVariable("PROVISIONER_HEALTH_DEADLINE"), "PROVISIONER_HEALTH_DEADLINE")
                ?? ConfigLoader.Duration(_config.Health.Deadline, ConfigLoader.Where(_config, "health.deadline")) ?? defaults.Deadline,
            ProbeTimeout = ConfigLoader.Duration(_config.Health.ProbeTimeout, ConfigLoader.Where(_config, "health.probeTimeout")) ?? defaults.ProbeTimeout,
        }.Validate();
        var endpoint = Environment.GetEnvironmentVariable("DOCKER_HOST") is { Length: > 0 } env ? env : _config.Engine ?? "unix:///var/run/docker.sock";
        _docker = new Lazy<IDockerClient>(() =>
        {
            try
            {
                return DockerClientFactory.Create(new DockerClientOptions { Endpoint = endpoint });
            }
            catch (ArgumentException e)
            {
                throw new Core.Errors.BadInputException($"engine address '{endpoint}' is not usable: {e.Message}", "use unix:///path/to/docker.sock or tcp://host:port (DOCKER_HOST or engine: in provisioner.yaml)");
            }
        });
        Templates = new DirectoryTemplateCatalog(CliPaths.Templates(_config), Journeys.Select(j => j.Name).ToHashSet());
        Registry = RegistryFactory.CreateSqlite(Home);
        Locks = RegistryFactory.CreateLocks(Home, TimeProvider.System);
    }

    public string Home { get; }

    public ProvisionerOptions Options { get; }

    public HealthGateOptions HealthOptions { get; }

    public ITemplateCatalog Templates { get; }

    public ITenantRegistry Registry { get; }

    public ILockManager Locks { get; }

    public ITenantBackend Backend => BackendFor(null);

    private ITenantBackend DockerBackend() => new DockerBackend(_docker.Value, new DockerBackendOptions(), _loggers.CreateLogger<DockerBackend>());

    private static IReadOnlyList<IJourney> Journeys { get; } = [new NotesRoundtripJourney()];

    public ILogger<T> Logger<T>() => _loggers.CreateLogger<T>();

    internal ProvisionerConfig Config => _config;

    internal IDockerClient Docker => _docker.Value;

    public HealthGate HealthGate() => new(Probes(), TimeProvider.System, HealthOptions);

    private IHealthProbe[] Probes() =>
        [new HttpProbe(_http, TimeProvider.System), new SqlProbe(TimeProvider.System), new JourneyProbe(_http, Journeys, TimeProvider.System)];

    /// <param name="backend">docker or aws; null: <c>backend:</c> from provisioner.yaml, else docker.</param>
    public TenantProvisioner Provisioner(string? backend = null) => new(
        Templates, Registry, Locks, BackendFor(backend), RegistryFactory.CreateProtector(Home), HealthGateFor(backend), LoopbackPorts.IsFreeOn(Options.PublishAddress),
        Options, TimeProvider.System, Logger<TenantProvisioner>(), BackendFor(backend).Kind == "docker" ? this.CapacityAdmission() : null);

    public TenantDestroyer Destroyer(string? backend = null) => new(Registry, Locks, BackendFor(backend), TimeProvider.System, Logger<TenantDestroyer>());

    /// <summary>Each tenant's upgrade on its own backend: Docker with a verified dump and restore, AWS by rolling the stack.</summary>
    public ITenantUpgrade Upgrader() => new UpgradeRouter(Registry, new Dictionary<string, Func<ITenantUpgrade>>
    {
        [DockerKind] = DockerUpgrader,
        [AwsKind] = AwsUpgrader,
    });

    private TenantUpgrader DockerUpgrader()
    {
        var docker = DockerBackend();
        return new(
            Templates, Registry, Locks, docker, RegistryFactory.CreateProtector(Home), new PostgresDumpBackups(docker), HealthGate(), Options,
            TimeProvider.System, Logger<TenantUpgrader>());
    }

    public FleetUpgrader Fleet() => new(Templates, Registry, Locks, Upgrader(), BackupRoot, TimeProvider.System, Logger<FleetUpgrader>());

    /// <summary>Upgrade backups: <c>$PROVISIONER_HOME/backups/&lt;tenant&gt;/</c>.</summary>
    public string BackupRoot => Path.Combine(Home, "backups");

    public TenantStatusService Status(string? backend = null) => new(Registry, BackendFor(backend), Templates, HealthGateFor(backend));

    public void Dispose()
    {
        if (_docker.IsValueCreated)
        {
            _docker.Value.Dispose();
        }

        _http.Dispose();
        _loggers.Dispose();
        _serilog.Dispose();
    }
}
