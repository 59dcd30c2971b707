using Microsoft.Extensions.Logging;
using Provisioner.Core.Backends;
using Provisioner.Core.Health;
using Provisioner.Core.Provisioning;
using Provisioner.Core.Templates;
using Provisioner.Core.Tenants;
using Provisioner.Docker.Backend;
using Provisioner.Docker.Engine;
using Provisioner.Registry;
using Serilog.Extensions.Logging;

namespace Provisioner.Cli.Hosting;

/// <summary>The composition root: the one place that knows every implementation. Built per command invocation, lazily.</summary>
internal sealed class CliServices : IDisposable
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
                ?? ConfigLoader.Duration(_config.Health.Deadline, "health.deadline") ?? defaults.Deadline,
            ProbeTimeout = ConfigLoader.Duration(_config.Health.ProbeTimeout, "health.probeTimeout") ?? defaults.ProbeTimeout,
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

    public ITenantBackend Backend => new DockerBackend(_docker.Value, new DockerBackendOptions(), _loggers.CreateLogger<DockerBackend>());

    private static IReadOnlyList<IJourney> Journeys { get; } = [new NotesRoundtripJourney()];

    public ILogger<T> Logger<T>() => _loggers.CreateLogger<T>();

    internal ProvisionerConfig Config => _config;

    internal IDockerClient Docker => _docker.Value;

    public HealthGate HealthGate() => new(
        [new HttpProbe(_http, TimeProvider.System), new SqlProbe(TimeProvider.System), new JourneyProbe(_http, Journeys, TimeProvider.System)],
        TimeProvider.System,
        HealthOptions);

    public TenantProvisioner Provisioner() => new(
        Templates, Registry, Locks, Backend, RegistryFactory.CreateProtector(Home), HealthGate(), LoopbackPorts.IsFreeOn(Options.PublishAddress),
        Options, TimeProvider.System, Logger<TenantProvisioner>(), this.CapacityAdmission());

    public TenantDestroyer Destroyer() => new(Registry, Locks, Backend, TimeProvider.System, Logger<TenantDestroyer>());

    public TenantStatusService Status() => new(Registry, Backend, Templates, HealthGate());

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
