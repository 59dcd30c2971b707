using Provisioner.Aws.Backend;
using Provisioner.Core.Backends;
using Provisioner.Core.Errors;
using Provisioner.Core.Health;
using Provisioner.Core.Upgrades;
using Provisioner.Registry;

namespace Provisioner.Cli.Hosting;

/// <summary>The AWS half of the composition root: which backend a tenant uses, and the AWS backend and its health gate.</summary>
internal sealed partial class CliServices
{
    public const string DockerKind = "docker";

    public const string AwsKind = "aws";

    /// <summary>The backend of kind <paramref name="kind"/>; null means <c>backend:</c> from provisioner.yaml, else docker.</summary>
    public ITenantBackend BackendFor(string? kind) => (kind ?? _config.Backend ?? DockerKind) switch
    {
        DockerKind => DockerBackend(),
        AwsKind => AwsBackend(),
        var other => throw new BadInputException($"unknown backend '{other}'", "use --backend docker or --backend aws"),
    };

    private ITenantBackend AwsBackend()
    {
        var aws = _config.Aws;
        return AwsBackendFactory.Create(
            AwsBackendFactory.DefaultPulumiOptions(Home, aws.StateUrl, aws.Pulumi),
            new AwsBackendOptions
            {
                Region = aws.Region,
                ImageRegistry = aws.ImageRegistry,
                ProgramSource = AwsProgram(aws),
                AwsCli = aws.AwsCli ?? "aws",
            },
            _loggers);
    }

    /// <summary>AWS tenants upgrade by rolling their stack (migration task first, ECS's circuit breaker), without a dump.</summary>
    private RolloutUpgrader AwsUpgrader() => new(
        Templates, Registry, Locks, AwsBackend(), RegistryFactory.CreateProtector(Home), HealthGateFor(AwsKind), Options,
        TimeProvider.System, Logger<RolloutUpgrader>());

    /// <summary>An ALB and Fargate tasks take minutes; SQL checks run as one-off ECS tasks, so one probe may take minutes too.</summary>
    private HealthGate HealthGateFor(string? kind) => (kind ?? _config.Backend) != AwsKind
        ? HealthGate()
        : new HealthGate(
            Probes(),
            TimeProvider.System,
            new HealthGateOptions
            {
                Deadline = ConfigLoader.Duration(_config.Aws.HealthDeadline, ConfigLoader.Where(_config, "aws.healthDeadline")) ?? TimeSpan.FromMinutes(15),
                ProbeTimeout = TimeSpan.FromMinutes(5),
                Delay = TimeSpan.FromSeconds(5),
                MaxDelay = TimeSpan.FromSeconds(30),
            }.Validate());

    private static string AwsProgram(AwsSettings aws)
    {
        if (!string.IsNullOrWhiteSpace(aws.Program))
        {
            return Path.GetFullPath(aws.Program);
        }

        var local = Path.GetFullPath(Path.Combine("infra", "aws"));
        return File.Exists(Path.Combine(local, "Pulumi.yaml")) ? local : Path.Combine(AppContext.BaseDirectory, "infra", "aws");
    }
}
