using Provisioner.Aws.Pulumi;
using Provisioner.Core.Backends;

namespace Provisioner.Aws.Backend;

/// <summary>A tenant's AWS resources as the stack's outputs describe them (Pulumi's state after the last up; no live AWS calls).</summary>
internal static class AwsObservation
{
    public static TenantObservation From(string tenant, StackOutputs outputs)
    {
        var count = int.TryParse(outputs["appCount"], out var n) ? n : 0;
        var app = new ComponentObservation(
            "app", outputs["service"] ?? $"t-{tenant}-app", "ecs-service", count > 0 ? "running" : "stopped", outputs["image"] ?? "-",
            null, $"ECS service, {count} task(s) desired (Pulumi state)", null, null, null, outputs["endpoint"]);
        var db = new ComponentObservation(
            "db", outputs["dbIdentifier"] ?? $"t-{tenant}-db", "rds-instance", "running", "postgres 15 (RDS)",
            null, $"RDS at {outputs["dbEndpoint"]} (Pulumi state)", null, null, null, null);
        var networks = outputs.List("privateSubnets").Append(outputs["appSecurityGroup"] ?? "").Where(x => x.Length > 0).ToList();
        var volumes = new[] { outputs["bucket"] is { } b ? $"s3://{b}" : null, outputs["finalSnapshot"] is { } s ? $"final snapshot {s} (on destroy)" : null }
            .OfType<string>().ToList();
        return new TenantObservation(tenant, [app, db], networks, volumes);
    }
}
