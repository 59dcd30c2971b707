using Provisioner.Core.Templates;

namespace Provisioner.Aws.Backend;

/// <summary>
/// A template size on AWS: the smallest valid Fargate task (CPU units, MiB) holding the size's CPU and memory, an RDS
/// instance class by CPU, and RDS storage (at least the 20 GiB gp3 minimum).
/// </summary>
public sealed record FargateSize(int CpuUnits, int MemoryMiB, string DbInstanceClass, int DbStorageGb)
{
    /// <summary>Fargate's valid (CPU units, memory MiB) pairs, smallest first.</summary>
    private static readonly (int Cpu, int[] Memory)[] Valid =
    [
        (256, [512, 1024, 2048]),
        (512, [1024, 2048, 3072, 4096]),
        (1024, [2048, 3072, 4096, 5120, 6144, 7168, 8192]),
        (2048, Enumerable.Range(4, 13).Select(g => g * 1024).ToArray()),
        (4096, Enumerable.Range(8, 23).Select(g => g * 1024).ToArray()),
    ];

    public static FargateSize For(SizeSpec size)
    {
        var cpuNeeded = (int)Math.Ceiling(size.Cpu * 1024);
        var memoryNeeded = (int)Math.Ceiling(size.MemoryBytes / 1048576.0);
        foreach (var (cpu, memories) in Valid.Where(v => v.Cpu >= cpuNeeded))
        {
            if (memories.FirstOrDefault(m => m >= memoryNeeded) is var memory and > 0)
            {
                return new FargateSize(cpu, memory, DbClass(size.Cpu), Storage(size.DiskBytes));
            }
        }

        throw new Core.Errors.BadInputException(
            $"size {size.Name} ({size.Cpu} cpu, {memoryNeeded} MiB) is larger than the largest Fargate task (4 vCPU, 30 GiB)");
    }

    private static string DbClass(double cpu) => cpu switch
    {
        <= 0.5 => "db.t4g.micro",
        <= 1 => "db.t4g.small",
        <= 2 => "db.t4g.medium",
        _ => "db.m7g.large",
    };

    private static int Storage(long diskBytes) => Math.Max(20, (int)Math.Ceiling(diskBytes / 1073741824.0));
}
