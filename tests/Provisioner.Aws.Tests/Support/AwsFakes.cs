using Microsoft.Extensions.Logging.Abstractions;
using Provisioner.Aws.Backend;
using Provisioner.Aws.Tests.Fakes;
using Provisioner.Core.Backends;

namespace Provisioner.Aws.Tests.Support;

/// <summary>An AWS backend over a recording runner with scripted pulumi and aws answers, as a notes@1.1.0 stack answers.</summary>
internal static class AwsFakes
{
    public const string Outputs = """
        {
          "endpoint": "http://t-acme-alb-1.eu-west-1.elb.amazonaws.com",
          "product": "notes",
          "version": "1.1.0",
          "size": "small",
          "entry": "app",
          "region": "eu-west-1",
          "logGroup": "/provisioner/t-acme",
          "cluster": "t-acme",
          "clusterArn": "arn:aws:ecs:eu-west-1:111:cluster/t-acme",
          "privateSubnets": ["subnet-a", "subnet-b"],
          "tasksSecurityGroup": "sg-tasks",
          "images": { "app": "IMAGE" },
          "services": { "app": "t-acme-app" },
          "desiredCounts": { "app": 1 },
          "oneOffTasks": {
            "app": "arn:aws:ecs:eu-west-1:111:task-definition/t-acme-app-run:3",
            "db": "arn:aws:ecs:eu-west-1:111:task-definition/t-acme-db-run:3"
          },
          "jobCommands": { "migrate": ["/app/notes", "migrate"] },
          "databases": { "db": "t-acme-db" },
          "databaseEndpoints": { "db": "t-acme-db.c1.eu-west-1.rds.amazonaws.com:5432" },
          "finalSnapshots": { "db": "t-acme-db-final" }
        }
        """;

    public const string UpEvents = """
        {"sequence":1,"resourcePreEvent":{"metadata":{"op":"update","urn":"urn:pulumi:tenant-acme::provision-tenant::aws:ecs/service:Service::appService","type":"aws:ecs/service:Service"}}}
        {"sequence":2,"resOutputsEvent":{"metadata":{"op":"update","urn":"urn:pulumi:tenant-acme::provision-tenant::aws:ecs/service:Service::appService","type":"aws:ecs/service:Service"}}}
        {"sequence":3,"summaryEvent":{"resourceChanges":{"update":1,"same":44}}}
        """;

    public static AwsBackendOptions Options { get; } = new() { Region = "eu-west-1", ImageRegistry = "111.dkr.ecr.eu-west-1.amazonaws.com" };

    public static string OutputsRunning(string image) => Outputs.Replace("IMAGE", image, StringComparison.Ordinal);

    /// <summary>pulumi v3.200.0 and aws found; the one-off task's container (app, web or db) exits <paramref name="migrationExit"/>.</summary>
    public static RecordingProcessRunner Runner(int migrationExit = 0) => new RecordingProcessRunner()
        .On("version", stdout: "v3.200.0\n")
        .On("up", stdout: UpEvents)
        .On("ecs run-task", stdout: """{"tasks":[{"taskArn":"arn:aws:ecs:eu-west-1:111:task/t-acme/abc123"}],"failures":[]}""")
        .On("ecs describe-tasks", stdout: $$"""{"tasks":[{"stoppedReason":"Essential container in task exited","containers":[{"name":"secrets-init","exitCode":0},{"name":"app","exitCode":{{migrationExit}}},{"name":"web","exitCode":{{migrationExit}}},{"name":"db","exitCode":{{migrationExit}}}]}]}""")
        .On("logs get-log-events", stdout: """{"events":[{"message":"schema 1 -> 2"},{"message":"migrated"}]}""");

    /// <summary>
    /// The backend over <paramref name="runner"/>; its state (passphrase file, tenants' program folders) under
    /// <paramref name="home"/>, else under a fresh folder in the test output.
    /// </summary>
    public static ITenantBackend Backend(RecordingProcessRunner runner, bool pulumi = true, bool aws = true, string? home = null)
    {
        var root = home ?? Path.Combine(AppContext.BaseDirectory, "aws-work", Guid.NewGuid().ToString("N"));
        return AwsBackendFactory.Create(
            runner,
            Drivers.Options with { PassphraseFile = Path.Combine(root, "pulumi-test-passphrase"), ProgramDirectory = Path.Combine(root, "program") },
            Options,
            NullLoggerFactory.Instance,
            name => (name == "pulumi" && pulumi) || (name == "aws" && aws) ? "/usr/bin/" + name : null);
    }
}
