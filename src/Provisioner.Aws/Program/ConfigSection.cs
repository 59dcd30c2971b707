using static Provisioner.Aws.Program.ProgramNames;
using static Provisioner.Aws.Program.YamlNodes;

namespace Provisioner.Aws.Program;

/// <summary>
/// The program's inputs and shared values: the <c>tenant</c> config and one secret config key per template secret
/// (all set by <see cref="Backend.AwsStackConfig"/>), the name prefix, availability zones, region, tags and the ECS trust policy.
/// </summary>
internal static class ConfigSection
{
    public static void Add(ProgramBuilder p, TenantLayout layout)
    {
        p.Declare(TenantConfig, "string", "tenant name (at most 24 characters); every AWS name starts with t-<tenant>");
        foreach (var secret in layout.Template.Secrets)
        {
            p.Declare(SecretKey(secret), "string", $"the template's secret {secret}, generated per tenant by provision", secret: true);
        }

        p.Variable(Prefix, Str($"t-{Ref(TenantConfig)}"));
        p.Variable("azs", Fn("invoke", Map(("function", Str("aws:getAvailabilityZones")), ("arguments", Map(("state", Str("available")))), ("return", Str("names")))));
        p.Variable("region", Fn("invoke", Map(("function", Str("aws:getRegion")), ("arguments", new YamlDotNet.RepresentationModel.YamlMappingNode()))));
        p.Variable(Tags, Map(
            ("provisioner.managed", Str("true")),
            ("provisioner.tenant", Str(Ref(TenantConfig))),
            ("provisioner.template", Str(layout.Template.Ref)),
            ("provisioner.size", Str(layout.Size.Name))));
        p.Variable("ecsTasksTrust", Fn("toJSON", Map(
            ("Version", Str("2012-10-17")),
            ("Statement", Seq([Map(("Effect", Str("Allow")), ("Principal", Map(("Service", Str("ecs-tasks.amazonaws.com")))), ("Action", Str("sts:AssumeRole")))])))));
    }
}
