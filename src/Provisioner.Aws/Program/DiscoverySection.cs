using static Provisioner.Aws.Program.ProgramNames;
using static Provisioner.Aws.Program.YamlNodes;

namespace Provisioner.Aws.Program;

/// <summary>
/// Private DNS for the services other components reach by name: a Cloud Map namespace <c>t-&lt;tenant&gt;.internal</c> in
/// the tenant's VPC (only that VPC resolves it) and one Cloud Map service per such component, in which ECS registers
/// each task's address: <c>${queue.host}</c> is <c>queue.t-acme.internal</c>.
/// </summary>
internal static class DiscoverySection
{
    public const string NamespaceType = "aws:servicediscovery/privateDnsNamespace:PrivateDnsNamespace";

    public const string ServiceType = "aws:servicediscovery/service:Service";

    public static void Add(ProgramBuilder p, TenantLayout layout)
    {
        if (layout.Discoverable.Count == 0)
        {
            return;
        }

        p.Resource(Namespace, NamespaceType, Map(
            ("name", Str($"{Ref(Prefix)}.internal")),
            ("description", Str($"service names of {Ref(TenantConfig)}")),
            ("vpc", Str(Ref("vpc", "id"))),
            ("tags", Str(Ref(Tags)))));
        foreach (var service in layout.Services.Where(s => layout.Discoverable.Contains(s.Name)))
        {
            p.Resource(Discovery(service.Name), ServiceType, Map(
                ("name", Str(service.Name)),
                ("dnsConfig", Map(
                    ("namespaceId", Str(Ref(Namespace, "id"))),
                    ("dnsRecords", Seq([Map(("ttl", Num(10)), ("type", Str("A")))])),
                    ("routingPolicy", Str("MULTIVALUE")))),
                ("forceDestroy", Bool(true)),
                ("tags", Str(Ref(Tags)))));
        }
    }
}
