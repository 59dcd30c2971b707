using Provisioner.Core.Templates;

namespace Provisioner.Core.Capacity;

/// <summary>How many tenants of a size fit in an amount of free resources, and which resource binds.</summary>
public static class Fit
{
    private const double Epsilon = 1e-9;

    public static SizeFit Of(Resources free, SizeSpec size, bool diskKnown)
    {
        var best = int.MaxValue;
        ResourceKind? binding = null;
        foreach (var kind in Enum.GetValues<ResourceKind>())
        {
            var need = Need(size, kind);
            if (need <= 0 || (kind == ResourceKind.Disk && !diskKnown))
            {
                continue;
            }

            var count = (int)Math.Max(0, Math.Min(int.MaxValue - 1, Math.Floor((free.Get(kind) / need) + Epsilon)));
            if (count < best)
            {
                (best, binding) = (count, kind);
            }
        }

        return new SizeFit(size.Name, binding is null ? 0 : best, binding);
    }

    /// <summary>What one tenant of <paramref name="size"/> reserves: its requests (and its disk).</summary>
    public static Resources Demand(SizeSpec size) => new(size.Cpu, size.MemoryBytes, size.DiskBytes);

    /// <summary>What one tenant of <paramref name="size"/> may burst to: its limits (and its disk).</summary>
    public static Resources Limits(SizeSpec size) => new(size.CpuLimit, size.MemoryLimitBytes, size.DiskBytes);

    public static double Need(SizeSpec size, ResourceKind kind) => Demand(size).Get(kind);
}
