using System.Globalization;
using Provisioner.Core.Templates;

namespace Provisioner.Core.Capacity;

/// <summary>Formats amounts the way people read them: "1.5 CPUs", "2 GiB".</summary>
public static class Units
{
    public static string Format(ResourceKind kind, double amount) => kind switch
    {
        ResourceKind.Cpu => Cpus(amount),
        _ => Bytes(amount),
    };

    /// <summary>"1 CPU", "1.8 CPUs", "2.22 CPUs"; a fraction of a tenth to three decimals ("0.035 CPUs", a small request).</summary>
    public static string Cpus(double cores)
    {
        var rounded = Math.Round(cores, Math.Abs(cores) < 0.1 ? 3 : 2);
        return rounded == 1 ? "1 CPU" : rounded.ToString("0.###", CultureInfo.InvariantCulture) + " CPUs";
    }

    public static string Bytes(double bytes) => bytes < 0 ? "-" + Quantity.FormatBytes((long)-bytes) : Quantity.FormatBytes((long)bytes);

    /// <summary>An amount with its resource named: "1.8 CPUs", "1.1 GiB memory", "20 GiB disk".</summary>
    public static string Amount(ResourceKind kind, double amount) => kind == ResourceKind.Cpu ? Cpus(amount) : $"{Bytes(amount)} {Name(kind)}";

    /// <summary>"10%".</summary>
    public static string Percent(double fraction) => (fraction * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    public static string Name(ResourceKind kind) => kind switch
    {
        ResourceKind.Cpu => "CPU",
        ResourceKind.Memory => "memory",
        _ => "disk",
    };
}
