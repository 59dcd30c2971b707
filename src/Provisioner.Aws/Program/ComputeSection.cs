using static Provisioner.Aws.Program.ProgramNames;
using static Provisioner.Aws.Program.YamlNodes;

namespace Provisioner.Aws.Program;

/// <summary>
/// The tenant's ECS cluster, its log group, and the execution role ECS pulls images, writes logs and reads the tenant's
/// secrets with. Tasks get no role of their own: the template gives them no AWS API to call.
/// </summary>
internal static class ComputeSection
{
    public const string ExecutionPolicy = "executionPolicy";

    public const string ExecutionReadsSecrets = "executionReadsSecrets";

    public static void Add(ProgramBuilder p, TenantLayout layout)
    {
        p.Resource(Logs, "aws:cloudwatch/logGroup:LogGroup", Map(
            ("name", Str($"/provisioner/{Ref(Prefix)}")), ("retentionInDays", Num(30)), ("tags", Str(Ref(Tags)))));
        p.Resource(ExecutionRole, "aws:iam/role:Role", Map(
            ("name", Str(AwsName("exec"))), ("assumeRolePolicy", Str(Ref("ecsTasksTrust"))), ("tags", Str(Ref(Tags)))));
        p.Resource(ExecutionPolicy, "aws:iam/rolePolicyAttachment:RolePolicyAttachment", Map(
            ("role", Str(Ref(ExecutionRole, "name"))),
            ("policyArn", Str("arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"))));
        if (layout.Template.Secrets.Count > 0)
        {
            p.Resource(ExecutionReadsSecrets, "aws:iam/rolePolicy:RolePolicy", Map(
                ("role", Str(Ref(ExecutionRole, "name"))),
                ("policy", Fn("toJSON", Map(
                    ("Version", Str("2012-10-17")),
                    ("Statement", Seq([Map(
                        ("Effect", Str("Allow")),
                        ("Action", Flow("secretsmanager:GetSecretValue")),
                        ("Resource", Flow(layout.Template.Secrets.Select(s => Ref(Secret(s), "arn")))))])))))));
        }

        p.Resource(Cluster, "aws:ecs/cluster:Cluster", Map(
            ("name", Str(Ref(Prefix))),
            ("settings", Seq([Map(("name", Str("containerInsights")), ("value", Str("enabled")))])),
            ("tags", Str(Ref(Tags)))));
    }
}
