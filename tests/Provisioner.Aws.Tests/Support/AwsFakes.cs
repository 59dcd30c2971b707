using Microsoft.Extensions.Logging.Abstractions;
using Provisioner.Aws.Backend;
using Provisioner.Aws.Tests.Fakes;
using Provisioner.Core.Backends;

namespace Provisioner.Aws.Tests.Support;

/// <summary>An AWS backend over a recording runner with scripted pulumi and aws answers.</summary>
internal static class AwsFakes
{
    public const string Outputs = """
        {
          "endpoint": "http://t-acme-alb-1.eu-west-1.elb.amazonaws.com",
          "dbEndpoint": "t-acme-db.c1.eu-west-1.rds.amazonaws.com:5432",
          "dbIdentifier": "t-acme-db",
          "finalSnapshot": "t-acme-final",
          "logGroup": "/provisioner/t-acme",
          "cluster": "t-acme",
          "clusterArn": "arn:aws:ecs:eu-west-1:111:cluster/t-acme",
          "service": "t-acme-app",
          "image": "IMAGE",
          "version": "1.1.0",
          "appCount": 1,
          "migrateTaskDefinition": "arn:aws:ecs:eu-west-1:111:task-definition/t-acme-migrate:3",
          "privateSubnets": ["subnet-a", "subnet-b"],
          "appSecurityGroup": "sg-app",
          "bucket": "t-acme-data-123",
          "region": "eu-west-1"
        }
        """;

    public const string UpEvents = """
        {"sequence":1,"resourcePreEvent":{"metadata":{"op":"update","urn":"urn:pulumi:tenant-acme::provision-tenant::aws:ecs/service:Service::service","type":"aws:ecs/service:Service"}}}
        {"sequence":2,"resOutputsEvent":{"metadata":{"op":"update","urn":"urn:pulumi:tenant-acme::provision-tenant::aws:ecs/service:Service::service","type":"aws:ecs/service:Service"}}}
        {"sequence":3,"summaryEvent":{"resourceChanges":{"update":1,"same":44}}}
        """;

    public static AwsBackendOptions Options { get; } = new() { Region = "eu-west-1", ImageRegistry = "111.dkr.ecr.eu-west-1.amazonaws.com" };

    public static string OutputsRunning(string image) => Outputs.Replace("IMAGE", image, StringComparison.Ordinal);

    /// <summary>pulumi v3.200.0 and aws found; migration task exits <paramref name="migrationExit"/>.</summary>
    public static RecordingProcessRunner Runner(int migrationExit = 0) => new RecordingProcessRunner()
        .On("version", stdout: "v3.200.0\n")
        .On("up", stdout: UpEvents)
        .On("ecs run-task", stdout: """{"tasks":[{"taskArn":"arn:aws:ecs:eu-west-1:111:task/t-acme/abc123"}],"failures":[]}""")
        .On("ecs describe-tasks", stdout: $$"""{"tasks":[{"stoppedReason":"Essential container in task exited","containers":[{"name":"migrate","exitCode":{{migrationExit}}}]}]}""")
        .On("logs get-log-events", stdout: """{"events":[{"message":"schema 1 -> 2"},{"message":"migrated"}]}""");

    public static ITenantBackend Backend(RecordingProcessRunner runner, bool pulumi = true, bool aws = true, string? home = null) =>
        AwsBackendFactory.Create(
            runner,
            Drivers.Options with { PassphraseFile = Path.Combine(home ?? Path.GetTempPath(), "pulumi-test-passphrase") },
            Options,
            NullLoggerFactory.Instance,
            name => (name == "pulumi" && pulumi) || (name == "aws" && aws) ? "/usr/bin/" + name : null);
}
