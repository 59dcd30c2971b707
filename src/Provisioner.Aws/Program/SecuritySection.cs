using static Provisioner.Aws.Program.ProgramNames;
using static Provisioner.Aws.Program.YamlNodes;

namespace Provisioner.Aws.Program;

/// <summary>
/// Security groups: internet → load balancer → the entry's port on the tenant's tasks; tasks → each other only on the
/// ports of the services they reach by name; tasks → database (5432) and file system (2049); tasks → 443 for images,
/// secrets and logs through the NAT gateway. Nothing else gets in or out.
/// </summary>
internal static class SecuritySection
{
    public const string AlbGroup = "albSg";

    public const string DbGroup = "dbSg";

    public const string FilesGroup = "filesSg";

    public static void Add(ProgramBuilder p, TenantLayout layout)
    {
        var entryPort = layout.Entry.Port!.Value;
        Group(p, AlbGroup, "alb", "load balancer");
        Group(p, TasksGroup, "tasks", "tasks");
        Rule(p, "albFromInternet", AlbGroup, ingress: true, 80, ("cidrIpv4", "0.0.0.0/0"));
        Rule(p, "albToEntry", AlbGroup, ingress: false, entryPort, ("referencedSecurityGroupId", Ref(TasksGroup, "id")));
        Rule(p, "tasksFromAlb", TasksGroup, ingress: true, entryPort, ("referencedSecurityGroupId", Ref(AlbGroup, "id")));
        Rule(p, "tasksToHttps", TasksGroup, ingress: false, 443, ("cidrIpv4", "0.0.0.0/0"));
        var internalPorts = layout.Services.Where(s => layout.Discoverable.Contains(s.Name) && s.Component.Port is not null)
            .Select(s => s.Component.Port!.Value).Distinct().Order();
        foreach (var port in internalPorts)
        {
            Rule(p, $"tasksFromTasks{port}", TasksGroup, ingress: true, port, ("referencedSecurityGroupId", Ref(TasksGroup, "id")));
            Rule(p, $"tasksToTasks{port}", TasksGroup, ingress: false, port, ("referencedSecurityGroupId", Ref(TasksGroup, "id")));
        }

        if (layout.Databases.Count > 0)
        {
            Group(p, DbGroup, "db", "databases");
            Rule(p, "tasksToDb", TasksGroup, ingress: false, DatabaseLayout.Port, ("referencedSecurityGroupId", Ref(DbGroup, "id")));
            Rule(p, "dbFromTasks", DbGroup, ingress: true, DatabaseLayout.Port, ("referencedSecurityGroupId", Ref(TasksGroup, "id")));
        }

        if (layout.Volumes.Count > 0)
        {
            Group(p, FilesGroup, "files", "file system");
            Rule(p, "tasksToFiles", TasksGroup, ingress: false, 2049, ("referencedSecurityGroupId", Ref(FilesGroup, "id")));
            Rule(p, "filesFromTasks", FilesGroup, ingress: true, 2049, ("referencedSecurityGroupId", Ref(TasksGroup, "id")));
        }
    }

    private static void Group(ProgramBuilder p, string name, string suffix, string what) =>
        p.Resource(name, "aws:ec2/securityGroup:SecurityGroup", Map(
            ("name", Str(AwsName(suffix))),
            ("description", Str($"{what} of {Ref(TenantConfig)}")),
            ("vpcId", Str(Ref("vpc", "id"))),
            ("tags", Str(Ref(Tags)))));

    private static void Rule(ProgramBuilder p, string name, string group, bool ingress, int port, (string Key, string Value) peer) =>
        p.Resource(name, ingress ? "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule" : "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule", Map(
            ("securityGroupId", Str(Ref(group, "id"))),
            ("ipProtocol", Str("tcp")),
            ("fromPort", Num(port)),
            ("toPort", Num(port)),
            (peer.Key, Str(peer.Value)),
            ("tags", Str(Ref(Tags)))));
}
