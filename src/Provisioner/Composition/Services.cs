using Microsoft.Extensions.Logging;
using Provisioner.Aws.Backend;
using Provisioner.Core.Backends;
using Provisioner.Core.Data;
using Provisioner.Core.Health;
using Provisioner.Core.Provisioning;
using Provisioner.Core.Secrets;
using Provisioner.Core.Templates;
using Provisioner.Core.Tenants;
using Provisioner.Core.Upgrades;
using Provisioner.Data.Archive;
using Provisioner.Data.Postgres;
using Provisioner.Registry;

namespace Provisioner.Composition;

/// <summary>
/// The composition root: the one place that knows every implementation (engines, registry, data adapters, probes).
/// Built once per <see cref="IProvisioner"/>; backends are made lazily, so nothing is contacted until first use.
/// </summary>
internal sealed partial class Services : IDisposable
{
    private readonly HttpClient _http;

    public Services(ProvisionerSettings settings, ILoggerFactory loggers, TimeProvider time)
    {
        Settings = settings;
        Loggers = loggers;
        Time = time;
        var configuredEdge = settings.EdgeOff ? null : settings.EdgeOptions;
        Options = new ProvisionerOptions
        {
            DefaultTemplate = settings.DefaultTemplate,
            FirstPort = settings.FirstPort,
            LastPort = settings.LastPort,
            PublishAddress = settings.PublishAddress,
            Edge = settings.EdgeOff ? null : configuredEdge ?? RecordedEdge.Load(settings.Home) ?? settings.DefaultEdgeOptions,
        }.Validate();
        ClusterEdge = SwarmEdge.For(Options.Edge, settings.Home);
        _http = new HttpClient(Core.Edge.EdgeHttp.Handler(Options.Edge, ClusterEdge, ct => _swarm!.Value.EdgeAddressAsync(ct))) { Timeout = Timeout.InfiniteTimeSpan };
        DataAdapters = Data.StandardDataAdapters.Create();
        Templates = new DirectoryTemplateCatalog(settings.Templates, DataAdapters.Rules);
        Stores = RegistryFactory.Open(settings.Home, settings.Registry, time, loggers, keyFile: settings.KeyFile);
        Registry = Stores.Registry;
        Locks = Stores.Locks;
        Protector = Stores.Protector;
        if (configuredEdge is not null)
        {
            RecordedEdge.Save(settings.Home, configuredEdge);
        }
        _docker = new Lazy<DockerParts>(() => DockerParts.Create(settings.Engine, settings.EngineTls, Options.Edge, DockerParts.OwnerOf(Stores.Description), loggers));
        _swarm = new Lazy<SwarmParts>(() => SwarmParts.Create(settings.Swarm, settings.Engine, settings.EngineTls, ClusterEdge, loggers));
        Backends = new BackendSet(
            new Dictionary<BackendKind, Func<ITenantBackend>>
            {
                [DockerParts.Kind] = () => _docker.Value.Backend, [SwarmParts.Kind] = () => _swarm.Value.Backend, [AwsBackendKind.Value] = AwsBackend,
            },
            settings.DefaultBackend switch { "aws" => AwsBackendKind.Value, "swarm" => SwarmParts.Kind, _ => DockerParts.Kind });
    }

    private readonly Lazy<DockerParts> _docker;

    private readonly Lazy<SwarmParts> _swarm;

    /// <summary>The Swarm cluster's nodes (host list, drain); contacts nothing until used.</summary>
    public Swarm.Cluster.SwarmHosts SwarmHosts() => new(_swarm.Value.Manager, Logger<Swarm.Cluster.SwarmHosts>());

    public ProvisionerSettings Settings { get; }

    public ILoggerFactory Loggers { get; }

    public TimeProvider Time { get; }

    public ProvisionerOptions Options { get; }

    /// <summary>The Swarm cluster's edge (<see cref="SwarmEdge"/>); null when the edge is off.</summary>
    public Core.Edge.EdgeOptions? ClusterEdge { get; }

    /// <summary>The options for tenants on <paramref name="kind"/>: the engine's edge, the cluster's, or none (AWS has none).</summary>
    public ProvisionerOptions OptionsFor(BackendKind kind) =>
        kind == DockerParts.Kind ? Options : kind == SwarmParts.Kind ? Options with { Edge = ClusterEdge } : Options with { Edge = null, EdgeSupported = false };

    public DataAdapters DataAdapters { get; }

    public ITemplateCatalog Templates { get; }

    /// <summary>The registry and its parts, in the store <see cref="ProvisionerSettings.Registry"/> names.</summary>
    public RegistryStores Stores { get; }

    public ITenantRegistry Registry { get; }

    public ILockManager Locks { get; }

    public ISecretProtector Protector { get; }

    public BackendSet Backends { get; }

    public ILogger<T> Logger<T>() => Loggers.CreateLogger<T>();

    public TenantProvisioner Provisioner(BackendKind kind)
    {
        var backend = Backends.Create(kind);
        return new TenantProvisioner(
            Templates, Registry, Locks, backend, Protector, HealthGateFor(kind), Ports.IsFreeOn(Options.PublishAddress), OptionsFor(kind), Time,
            Logger<TenantProvisioner>(), kind == DockerParts.Kind || kind == SwarmParts.Kind ? CapacityAdmission(kind) : null);
    }

    public TenantDestroyer Destroyer(BackendKind kind) => new(Registry, Locks, Backends.Create(kind), Settings.BackupRoot, Time, Logger<TenantDestroyer>());

    public TenantStatusService Status(BackendKind kind) => new(Registry, Backends.Create(kind), Templates, HealthGateFor(kind));

    /// <summary>Each tenant's upgrade on its own backend: with a verified backup of its data where the backend can stop components, else by rolling out.</summary>
    public ITenantUpgrade Upgrader() => new UpgradeRouter(Registry, new Dictionary<BackendKind, Func<ITenantUpgrade>>
    {
        [DockerParts.Kind] = () => DataUpgrader(DockerParts.Kind),
        [SwarmParts.Kind] = () => DataUpgrader(SwarmParts.Kind),
        [AwsBackendKind.Value] = () => new RolloutUpgrader(
            Templates, Registry, Locks, Backends.Create(AwsBackendKind.Value), Protector, HealthGateFor(AwsBackendKind.Value), OptionsFor(AwsBackendKind.Value), Time, Logger<RolloutUpgrader>()),
    });

    public FleetUpgrader Fleet() => new(Templates, Registry, Locks, Upgrader(), Settings.BackupRoot, Time, Logger<FleetUpgrader>());

    public ProductTemplate ValidateTemplate(string path)
    {
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            full = Path.Combine(full, "template.yaml");
            path = Path.Combine(path, "template.yaml");
        }

        if (!File.Exists(full))
        {
            throw new Core.Errors.BadInputException($"{path} does not exist", "give a template.yaml, or the folder holding one");
        }

        var folder = Path.GetFileName(Path.GetDirectoryName(full)) ?? "";
        var expected = NuGet.Versioning.NuGetVersion.TryParseStrict(folder, out var v) ? v.ToNormalizedString() : null;
        return TemplateParser.Parse(path, File.ReadAllText(full), DataAdapters.Rules, expected);
    }

    private TenantUpgrader DataUpgrader(BackendKind kind)
    {
        var backend = Backends.Create(kind);
        return new TenantUpgrader(
            Templates, Registry, Locks, backend, Protector, new TenantData(DataAdapters, backend, Time), HealthGateFor(kind), OptionsFor(kind), Time, Logger<TenantUpgrader>());
    }

    public HealthGate HealthGateFor(BackendKind kind) => kind == AwsBackendKind.Value
        ? new HealthGate(Probes(), Time, new HealthGateOptions
        {
            // A load balancer and Fargate tasks take minutes; SQL checks run as one-off tasks, so one probe may take minutes too.
            Deadline = Settings.Aws.HealthDeadline, ProbeTimeout = TimeSpan.FromMinutes(5), Delay = TimeSpan.FromSeconds(5), MaxDelay = TimeSpan.FromSeconds(30),
        }.Validate())
        : new HealthGate(Probes(), Time, Settings.Health);

    private IHealthProbe[] Probes()
    {
        if (Options.Edge is not null)
        {
            Core.Edge.EdgeHttp.WarmTrust();
        }

        return
        [
            new HttpProbe(_http, Time), new TcpProbe(Time), new ExecProbe(Time), new SqlProbe(DataAdapters, Time), new JourneyProbe(new JourneyRunner(_http, Time), Time),
        ];
    }

    private ITenantBackend AwsBackend()
    {
        var aws = Settings.Aws;
        return AwsBackendFactory.Create(
            AwsBackendFactory.DefaultPulumiOptions(Settings.Home, aws.StateUrl, aws.Pulumi),
            new AwsBackendOptions { Region = aws.Region, ImageRegistry = aws.ImageRegistry, AwsCli = aws.AwsCli ?? "aws" },
            Loggers);
    }

    public void Dispose()
    {
        if (_docker.IsValueCreated)
        {
            _docker.Value.Dispose();
        }

        if (_swarm.IsValueCreated)
        {
            _swarm.Value.Dispose();
        }

        _http.Dispose();
        Stores.Dispose();
    }
}
