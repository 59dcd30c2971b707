using static Provisioner.Aws.Program.ProgramNames;
using static Provisioner.Aws.Program.YamlNodes;

namespace Provisioner.Aws.Program;

/// <summary>
/// One Secrets Manager secret per template secret, its value from the stack's secret config (encrypted in the stack,
/// never in the program). Only the execution role may read them, and only ECS uses that role (for the init containers).
/// </summary>
internal static class SecretSection
{
    public static void Add(ProgramBuilder p, TenantLayout layout)
    {
        foreach (var secret in layout.Template.Secrets)
        {
            p.Resource(Secret(secret), "aws:secretsmanager/secret:Secret", Map(
                ("namePrefix", Str(AwsName($"{secret.Replace('_', '-')}-"))),
                ("description", Str($"{secret} of {Ref(TenantConfig)}")),
                ("recoveryWindowInDays", Num(7)),
                ("tags", Str(Ref(Tags)))));
            p.Resource(SecretValue(secret), "aws:secretsmanager/secretVersion:SecretVersion", Map(
                ("secretId", Str(Ref(Secret(secret), "id"))),
                ("secretString", Str(Ref(SecretKey(secret))))));
        }
    }
}
