using System.Globalization;
using System.Text.RegularExpressions;
using Provisioner.Core.Errors;
using Provisioner.Core.Stamps;

namespace Provisioner.Aws.Program;

/// <summary>
/// Fills a component's <c>${...}</c> template values the AWS way, as Pulumi YAML text: <c>${tenant.name}</c> is the
/// <c>tenant</c> config, <c>${tenant.url}</c> the load balancer's URL, <c>${NAME.host}</c> a database's RDS address or a
/// service's Cloud Map name, <c>${secrets.NAME}</c> the secret's file path, sizes their numbers. A template's
/// <c>$${</c> (a literal <c>${</c>) is also Pulumi's escape, so it is kept as it is.
/// </summary>
internal sealed partial class AwsValues(TenantLayout layout)
{
    [GeneratedRegex(@"(?<escape>\$?)\$\{(?<name>[A-Za-z0-9_.\-]+)\}")]
    private static partial Regex Placeholder();

    /// <summary><paramref name="text"/> with every value of <paramref name="self"/> filled in.</summary>
    public string Expand(string text, string self) =>
        Placeholder().Replace(text, m => m.Groups["escape"].Length > 0 ? m.Value : Lookup(m.Groups["name"].Value, self));

    private string Lookup(string name, string self)
    {
        var inv = CultureInfo.InvariantCulture;
        var size = layout.Size;
        var share = layout.Service(self);
        switch (name)
        {
            case "tenant.name": return ProgramNames.Ref(ProgramNames.TenantConfig);
            case "tenant.url": return $"http://{ProgramNames.Ref(ProgramNames.LoadBalancer, "dnsName")}";
            case "size.name": return size.Name;
            case "size.cpu": return size.CpuLimit.ToString("0.###", inv);
            case "size.memory": return size.MemoryLimitBytes.ToString(inv);
            case "size.memoryMb": return (size.MemoryLimitBytes >> 20).ToString(inv);
            case "self.cpu" when share is not null: return share.Cpu.ToString("0.###", inv);
            case "self.memory" when share is not null: return share.MemoryBytes.ToString(inv);
            case "self.memoryMb" when share is not null: return (share.MemoryBytes >> 20).ToString(inv);
        }

        var dot = name.IndexOf('.', StringComparison.Ordinal);
        var (head, tail) = dot < 0 ? (name, "") : (name[..dot], name[(dot + 1)..]);
        if (head == "secrets")
        {
            return $"{StampBuilder.SecretsDirectory}/{tail}";
        }

        if (layout.Database(head) is { } db)
        {
            return tail switch
            {
                "host" => ProgramNames.Ref(ProgramNames.Database(db.Name), "address"),
                "port" => DatabaseLayout.Port.ToString(inv),
                _ => throw Unknown(name, self),
            };
        }

        if (layout.Service(head) is { } service)
        {
            return tail switch
            {
                "host" => $"{service.Name}.{ProgramNames.Ref(ProgramNames.Namespace, "name")}",
                "port" when service.Component.Port is int port => port.ToString(inv),
                _ => throw Unknown(name, self),
            };
        }

        throw Unknown(name, self);
    }

    private BadInputException Unknown(string name, string self) =>
        new($"{layout.Template.Ref}: component {self} uses ${{{name}}}, which has no value on AWS");
}
