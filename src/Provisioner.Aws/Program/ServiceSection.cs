using YamlDotNet.RepresentationModel;
using static Provisioner.Aws.Program.ProgramNames;
using static Provisioner.Aws.Program.YamlNodes;

namespace Provisioner.Aws.Program;

/// <summary>
/// One ECS Fargate service per running component, in the private subnets with the tasks' security group: the entry
/// behind the load balancer's target group, discoverable ones registered in Cloud Map, workers with neither. Rollouts
/// keep full capacity and roll back by themselves (circuit breaker); pulumi waits for steady state. A service starts
/// after the services it depends on.
/// </summary>
internal static class ServiceSection
{
    public static void Add(ProgramBuilder p, TenantLayout layout, ProgramMode mode)
    {
        foreach (var service in layout.Services)
        {
            var c = service.Component;
            var held = mode == ProgramMode.Hold && layout.Held.Contains(c.Name);
            var entry = c.Name == layout.Entry.Name;
            var dependsOn = new List<string>();
            if (entry)
            {
                dependsOn.Add(Listener);
            }

            dependsOn.Add(ComputeSection.ExecutionPolicy);
            if (c.Secrets.Count > 0)
            {
                dependsOn.Add(ComputeSection.ExecutionReadsSecrets);
            }

            if (layout.Volumes.Any(v => v.Component == c.Name))
            {
                dependsOn.AddRange(FileSection.MountTargets);
            }

            dependsOn.AddRange(c.DependsOn.Where(d => layout.Service(d) is not null).Select(Service));
            p.Resource(Service(c.Name), "aws:ecs/service:Service", Map(
                ("name", Str(AwsName(c.Name))),
                ("cluster", Str(Ref(Cluster, "arn"))),
                ("taskDefinition", Str(Ref(Task(c.Name), "arn"))),
                ("desiredCount", Num(held ? 0 : 1)),
                ("launchType", Str("FARGATE")),
                ("healthCheckGracePeriodSeconds", entry ? Num(60) : null),
                ("deploymentMinimumHealthyPercent", Num(100)),
                ("deploymentMaximumPercent", Num(200)),
                ("deploymentCircuitBreaker", Map(("enable", Bool(true)), ("rollback", Bool(true)))),
                ("networkConfiguration", Map(
                    ("subnets", NetworkSection.PrivateIds()),
                    ("securityGroups", Flow(Ref(TasksGroup, "id"))),
                    ("assignPublicIp", Bool(false)))),
                ("loadBalancers", entry ? Seq([Map(
                    ("targetGroupArn", Str(Ref(TargetGroup, "arn"))),
                    ("containerName", Str(c.Name)),
                    ("containerPort", Num(c.Port!.Value)))]) : null),
                ("serviceRegistries", layout.Discoverable.Contains(c.Name) ? Map(("registryArn", Str(Ref(Discovery(c.Name), "arn")))) : null),
                ("propagateTags", Str("SERVICE")),
                ("waitForSteadyState", Bool(true)),
                ("tags", Str(Ref(Tags)))),
                Map(
                    ("dependsOn", Flow(dependsOn.Select(d => Ref(d)))),
                    ("ignoreChanges", held ? Flow("taskDefinition", "desiredCount") : null)));
        }
    }
}
