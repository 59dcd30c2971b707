using System.Globalization;
using Provisioner.Core.Templates;
using Provisioner.Core.Templates.Values;

namespace Provisioner.Core.Stamps;

/// <summary>Fills a component's <c>${...}</c> values for one tenant (see <see cref="TemplateValues"/>). Pure.</summary>
internal sealed class StampValues(string tenant, Uri? url, SizeSpec size, IReadOnlyList<ComponentSpec> components)
{
    public string Expand(string text, ComponentSpec self, double cpu, long memory) =>
        ValueText.Expand(text, name => Lookup(name, self, cpu, memory));

    public IReadOnlyDictionary<string, string> Expand(IReadOnlyDictionary<string, string> env, ComponentSpec self, double cpu, long memory) =>
        env.ToDictionary(e => e.Key, e => Expand(e.Value, self, cpu, memory), StringComparer.Ordinal);

    private string? Lookup(string name, ComponentSpec self, double cpu, long memory)
    {
        var inv = CultureInfo.InvariantCulture;
        switch (name)
        {
            case "tenant.name": return tenant;
            case "tenant.url": return url?.ToString().TrimEnd('/') ?? "";
            case "size.name": return size.Name;
            case "size.cpu": return size.CpuLimit.ToString("0.###", inv);
            case "size.memory": return size.MemoryLimitBytes.ToString(inv);
            case "size.memoryMb": return (size.MemoryLimitBytes >> 20).ToString(inv);
            case "self.cpu": return cpu.ToString("0.###", inv);
            case "self.memory": return memory.ToString(inv);
            case "self.memoryMb": return (memory >> 20).ToString(inv);
        }

        var dot = name.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
        {
            return null;
        }

        var (head, tail) = (name[..dot], name[(dot + 1)..]);
        if (head == "secrets")
        {
            return self.Secrets.Contains(tail) ? $"{StampBuilder.SecretsDirectory}/{tail}" : null;
        }

        var other = components.FirstOrDefault(c => c.Name == head);
        return tail switch
        {
            "host" when other is not null => other.Name,
            "port" when other?.Port is int port => port.ToString(inv),
            _ => null,
        };
    }
}
