using Provisioner.Core.Templates;
using static Provisioner.Aws.Program.ProgramNames;
using static Provisioner.Aws.Program.YamlNodes;

namespace Provisioner.Aws.Program;

/// <summary>
/// The tenant's entry: an internet-facing load balancer in the public subnets, listening on 80, forwarding to the entry
/// component's port. The target group's health check is the entry's first <c>http</c> check (path and status).
/// </summary>
internal static class EntrySection
{
    public static void Add(ProgramBuilder p, TenantLayout layout)
    {
        var check = layout.Entry.Health.OfType<HttpCheckSpec>().FirstOrDefault();
        p.Resource(LoadBalancer, "aws:lb/loadBalancer:LoadBalancer", Map(
            ("name", Str(AwsName("alb"))),
            ("loadBalancerType", Str("application")),
            ("internal", Bool(false)),
            ("securityGroups", Flow(Ref(SecuritySection.AlbGroup, "id"))),
            ("subnets", NetworkSection.PublicIds()),
            ("dropInvalidHeaderFields", Bool(true)),
            ("tags", Str(Ref(Tags)))));
        p.Resource(TargetGroup, "aws:lb/targetGroup:TargetGroup", Map(
            ("name", Str(AwsName("tg"))),
            ("port", Num(layout.Entry.Port!.Value)),
            ("protocol", Str("HTTP")),
            ("targetType", Str("ip")),
            ("vpcId", Str(Ref("vpc", "id"))),
            ("deregistrationDelay", Num(30)),
            ("healthCheck", Map(
                ("enabled", Bool(true)),
                ("path", Str(check?.Path ?? "/")),
                ("matcher", Str(check is null ? "200-399" : check.Expect.ToString(System.Globalization.CultureInfo.InvariantCulture))),
                ("interval", Num(15)),
                ("timeout", Num(5)),
                ("healthyThreshold", Num(2)),
                ("unhealthyThreshold", Num(3)))),
            ("tags", Str(Ref(Tags)))));
        p.Resource(Listener, "aws:lb/listener:Listener", Map(
            ("loadBalancerArn", Str(Ref(LoadBalancer, "arn"))),
            ("port", Num(80)),
            ("protocol", Str("HTTP")),
            ("defaultActions", Seq([Map(("type", Str("forward")), ("targetGroupArn", Str(Ref(TargetGroup, "arn"))))])),
            ("tags", Str(Ref(Tags)))));
    }
}
