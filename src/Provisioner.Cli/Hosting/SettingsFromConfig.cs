using Provisioner.Core.Health;

namespace Provisioner.Cli.Hosting;

/// <summary>
/// provisioner.yaml and the environment, as the library's <see cref="ProvisionerSettings"/>. Environment variables win
/// over the file; a wrong value names where it came from (the variable, or the file and line of its key).
/// </summary>
internal static class SettingsFromConfig
{
    /// <summary>$PROVISIONER_REGISTRY, else <c>registry:</c>; a wrong one is reported naming the variable or the file and line (never the password).</summary>
    public static string? RegistrySetting(ProvisionerConfig config)
    {
        var fromEnv = Environment.GetEnvironmentVariable("PROVISIONER_REGISTRY") is { Length: > 0 } env ? env : null;
        var value = fromEnv ?? config.Registry;
        ProvisionerSettings.CheckRegistry(value, fromEnv is not null ? "PROVISIONER_REGISTRY" : ConfigLoader.Where(config, "registry"));
        return value;
    }

    /// <summary>The docker CLI's TLS variables: DOCKER_CERT_PATH (else ~/.docker) when DOCKER_TLS_VERIFY is set.</summary>
    private static string? DockerTlsFromEnvironment() =>
        Environment.GetEnvironmentVariable("DOCKER_TLS_VERIFY") is { Length: > 0 } verify && verify != "0"
            ? Environment.GetEnvironmentVariable("DOCKER_CERT_PATH") is { Length: > 0 } path
                ? path
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".docker")
            : null;

    public static ProvisionerSettings Build(ProvisionerConfig config, string home)
    {
        var defaults = new HealthGateOptions();
        var aws = config.Aws;
        var engine = Environment.GetEnvironmentVariable("DOCKER_HOST") is { Length: > 0 } env ? env : config.Engine ?? "unix:///var/run/docker.sock";
        return new ProvisionerSettings
        {
            Home = home,
            Templates = CliPaths.Templates(config),
            Registry = RegistrySetting(config),
            Engine = engine,
            KeyFile = Environment.GetEnvironmentVariable("PROVISIONER_KEY_FILE") is { Length: > 0 } key ? Path.GetFullPath(key) : config.KeyFile,
            EngineTls = DockerTlsFromEnvironment() ?? config.EngineTls,
            DefaultBackend = Environment.GetEnvironmentVariable("PROVISIONER_BACKEND") is { Length: > 0 } b ? b : config.Backend ?? "docker",
            Swarm = new global::Provisioner.SwarmSettings
            {
                Manager = Environment.GetEnvironmentVariable("PROVISIONER_SWARM_MANAGER") is { Length: > 0 } manager ? manager : config.Swarm.Manager,
                ImageSource = config.Swarm.ImageSource,
                Registry = config.Swarm.Registry,
                Tls = Environment.GetEnvironmentVariable("PROVISIONER_SWARM_TLS") is { Length: > 0 } tls ? tls : config.Swarm.Tls,
            },
            DefaultTemplate = Environment.GetEnvironmentVariable("PROVISIONER_DEFAULT_TEMPLATE") is { Length: > 0 } template ? template : config.DefaultTemplate,
            FirstPort = config.Ports.First ?? 20000,
            LastPort = config.Ports.Last ?? 29999,
            PublishAddress = config.PublishAddress ?? EnginePublishAddress.For(engine),
            Edge = EdgeSetup.Settings(config),
            DefaultEdge = EdgeSetup.Default(config),
            EdgeOff = EdgeSetup.Off(config),
            Health = new HealthGateOptions
            {
                Deadline = ConfigLoader.Duration(Environment.GetEnvironmentVariable("PROVISIONER_HEALTH_DEADLINE"), "PROVISIONER_HEALTH_DEADLINE")
                    ?? ConfigLoader.Duration(config.Health.Deadline, ConfigLoader.Where(config, "health.deadline")) ?? defaults.Deadline,
                ProbeTimeout = ConfigLoader.Duration(Environment.GetEnvironmentVariable("PROVISIONER_PROBE_TIMEOUT"), "PROVISIONER_PROBE_TIMEOUT")
                    ?? ConfigLoader.Duration(config.Health.ProbeTimeout, ConfigLoader.Where(config, "health.probeTimeout")) ?? defaults.ProbeTimeout,
            }.Validate(),
            Capacity = CapacitySetup.Options(config),
            Backups = new global::Provisioner.BackupSettings
            {
                Directory = config.Backups.Directory,
                Retention = new Core.Backups.RetentionPolicy
                {
                    Keep = config.Backups.Keep ?? 7, Daily = config.Backups.Daily ?? 7, Weekly = config.Backups.Weekly ?? 4,
                },
            },
            Aws = new global::Provisioner.AwsSettings
            {
                Region = aws.Region,
                ImageRegistry = aws.ImageRegistry,
                StateUrl = aws.StateUrl,
                Pulumi = aws.Pulumi,
                AwsCli = aws.AwsCli,
                HealthDeadline = ConfigLoader.Duration(aws.HealthDeadline, ConfigLoader.Where(config, "aws.healthDeadline")) ?? TimeSpan.FromMinutes(15),
            },
        };
    }
}
