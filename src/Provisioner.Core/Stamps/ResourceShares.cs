using Provisioner.Core.Templates;

namespace Provisioner.Core.Stamps;

/// <summary>
/// Splits a size between components: each gets its declared share; components without one split what is left equally.
/// </summary>
internal static class ResourceShares
{
    public static IReadOnlyDictionary<string, (double Cpu, double Memory)> For(IReadOnlyList<ComponentSpec> components)
    {
        var cpu = Split(components, c => c.CpuShare);
        var memory = Split(components, c => c.MemoryShare);
        return components.ToDictionary(c => c.Name, c => (cpu[c.Name], memory[c.Name]));
    }

    private static Dictionary<string, double> Split(IReadOnlyList<ComponentSpec> components, Func<ComponentSpec, double> share)
    {
        var declared = components.Where(c => share(c) > 0).Sum(share);
        var undeclared = components.Count(c => share(c) <= 0);
        var rest = undeclared == 0 ? 0 : Math.Max(0, 1 - declared) / undeclared;
        return components.ToDictionary(c => c.Name, c => share(c) > 0 ? share(c) : rest);
    }
}
