using YamlDotNet.RepresentationModel;
using static Provisioner.Aws.Program.ProgramNames;
using static Provisioner.Aws.Program.YamlNodes;

namespace Provisioner.Aws.Program;

/// <summary>
/// The stack outputs the driver reads (<see cref="Backend.AwsOutputNames"/>): the entry's endpoint, the release (template,
/// size, the image of each service), per component its ECS service and task count, one-off task definitions and
/// databases, each job's command with its values filled in, and what one-off tasks need (cluster, subnets, security group, region, log group).
/// </summary>
internal static class OutputSection
{
    public static void Add(ProgramBuilder p, TenantLayout layout)
    {
        p.Output(Backend.AwsOutputNames.Endpoint, Str($"http://{Ref(LoadBalancer, "dnsName")}"));
        p.Output(Backend.AwsOutputNames.Product, Str(layout.Template.Product));
        p.Output(Backend.AwsOutputNames.Version, Str(layout.Template.Version.ToNormalizedString()));
        p.Output(Backend.AwsOutputNames.Size, Str(layout.Size.Name));
        p.Output(Backend.AwsOutputNames.Entry, Str(layout.Entry.Name));
        p.Output(Backend.AwsOutputNames.Region, Str(Ref("region", "region")));
        p.Output(Backend.AwsOutputNames.LogGroup, Str(Ref(Logs, "name")));
        p.Output(Backend.AwsOutputNames.Cluster, Str(Ref(Cluster, "name")));
        p.Output(Backend.AwsOutputNames.ClusterArn, Str(Ref(Cluster, "arn")));
        p.Output(Backend.AwsOutputNames.PrivateSubnets, NetworkSection.PrivateIds());
        p.Output(Backend.AwsOutputNames.TasksSecurityGroup, Str(Ref(TasksGroup, "id")));
        p.Output(Backend.AwsOutputNames.Images, PerService(layout, s => Str(s.Image)));
        p.Output(Backend.AwsOutputNames.Services, PerService(layout, s => Str(Ref(Service(s.Name), "name"))));
        p.Output(Backend.AwsOutputNames.DesiredCounts, PerService(layout, s => Str(Ref(Service(s.Name), "desiredCount"))));
        p.Output(Backend.AwsOutputNames.OneOffTasks, Map(layout.OneOff.Order(StringComparer.Ordinal).Select(c => (c, (YamlNode?)Str(Ref(OneOff(c), "arn")))).ToArray()));
        if (layout.Template.Jobs.Count > 0)
        {
            var values = new AwsValues(layout);
            p.Output(Backend.AwsOutputNames.JobCommands, Map(layout.Template.Jobs.Select(j => (j.Name, (YamlNode?)Flow(j.Command.Select(a => values.Expand(a, j.Component))))).ToArray()));
        }

        if (layout.Databases.Count > 0)
        {
            p.Output(Backend.AwsOutputNames.Databases, PerDatabase(layout, "identifier"));
            p.Output(Backend.AwsOutputNames.DatabaseEndpoints, PerDatabase(layout, "endpoint"));
            p.Output(Backend.AwsOutputNames.FinalSnapshots, PerDatabase(layout, "finalSnapshotIdentifier"));
        }

        if (layout.Volumes.Count > 0)
        {
            p.Output(Backend.AwsOutputNames.FileSystem, Str(Ref(FileSystem, "id")));
        }
    }

    private static YamlMappingNode PerService(TenantLayout layout, Func<ServiceLayout, YamlNode> value) =>
        Map(layout.Services.Select(s => (s.Name, (YamlNode?)value(s))).ToArray());

    private static YamlMappingNode PerDatabase(TenantLayout layout, string output) =>
        Map(layout.Databases.Select(d => (d.Name, (YamlNode?)Str(Ref(Database(d.Name), output)))).ToArray());
}
