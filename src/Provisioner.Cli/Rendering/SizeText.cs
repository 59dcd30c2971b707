using System.Globalization;
using Provisioner.Core.Capacity;
using Provisioner.Core.Templates;

namespace Provisioner.Cli.Rendering;

/// <summary>A size as people read it: "0.04 CPUs, 256 MiB" when it cannot burst, "0.04 CPUs (limit 0.5), 256 MiB (limit 512 MiB)" when it can.</summary>
internal static class SizeText
{
    public static string Of(SizeSpec s) =>
        $"{Part(Units.Cpus(s.Cpu), s.CpuLimit > s.Cpu ? Units.Cpus(s.CpuLimit) : null)}, "
        + Part(Units.Bytes(s.MemoryBytes), s.MemoryLimitBytes > s.MemoryBytes ? Units.Bytes(s.MemoryLimitBytes) : null);

    /// <summary>The JSON shape of a size: requests as cpu/memoryBytes (as before), limits beside them.</summary>
    public static object Json(SizeSpec s) => new
    {
        name = s.Name,
        cpu = s.Cpu,
        memoryBytes = s.MemoryBytes,
        cpuLimit = s.CpuLimit,
        memoryLimitBytes = s.MemoryLimitBytes,
        diskBytes = s.DiskBytes,
    };

    private static string Part(string request, string? limit) => limit is null ? request : $"{request} (limit {limit})";
}
