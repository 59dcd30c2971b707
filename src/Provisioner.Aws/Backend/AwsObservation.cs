using Provisioner.Aws.Pulumi;
using Provisioner.Core.Backends;

namespace Provisioner.Aws.Backend;

/// <summary>
/// A tenant's AWS resources as the stack's outputs describe them (Pulumi's state after the last up; no live AWS calls):
/// an ECS service per running component (the entry published on the load balancer), an RDS instance per database.
/// </summary>
internal static class AwsObservation
{
    public static TenantObservation From(string tenant, StackOutputs outputs)
    {
        var images = outputs.Map(AwsOutputNames.Images);
        var counts = outputs.Map(AwsOutputNames.DesiredCounts);
        var entry = outputs[AwsOutputNames.Entry];
        var components = new List<ComponentObservation>();
        foreach (var (component, service) in outputs.Map(AwsOutputNames.Services))
        {
            var count = counts.TryGetValue(component, out var c) && int.TryParse(c, out var n) ? n : 0;
            components.Add(new ComponentObservation(
                component, service, WorkloadKind.Managed, count > 0 ? ComponentState.Running : ComponentState.Exited, images.GetValueOrDefault(component) ?? "-",
                null, $"ECS service, {count} task(s) desired (Pulumi state)", null, null, null, component == entry ? outputs[AwsOutputNames.Endpoint] : null));
        }

        var endpoints = outputs.Map(AwsOutputNames.DatabaseEndpoints);
        foreach (var (component, identifier) in outputs.Map(AwsOutputNames.Databases))
        {
            components.Add(new ComponentObservation(
                component, identifier, WorkloadKind.Managed, ComponentState.Running, "postgres (RDS)",
                null, $"RDS at {endpoints.GetValueOrDefault(component)} (Pulumi state)", null, null, null, null));
        }

        var networks = outputs.List(AwsOutputNames.PrivateSubnets).Append(outputs[AwsOutputNames.TasksSecurityGroup] ?? "").Where(x => x.Length > 0).ToList();
        var volumes = outputs.Map(AwsOutputNames.FinalSnapshots).Values.Select(s => $"final snapshot {s} (on destroy)").ToList();
        if (outputs[AwsOutputNames.FileSystem] is { Length: > 0 } fs)
        {
            volumes.Insert(0, $"efs://{fs} (kept on destroy)");
        }

        return new TenantObservation(tenant, components, networks, volumes);
    }
}
