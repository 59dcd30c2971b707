namespace Provisioner.Aws.Backend;

/// <summary>The smallest valid Fargate task (CPU units, MiB) that holds a given CPU (cores) and memory (bytes).</summary>
public sealed record FargateTask(int CpuUnits, int MemoryMiB)
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

    /// <summary>The task for <paramref name="cpu"/> cores and <paramref name="memoryBytes"/>; null when no Fargate task is that large.</summary>
    public static FargateTask? For(double cpu, long memoryBytes)
    {
        var cpuNeeded = (int)Math.Ceiling(cpu * 1024);
        var memoryNeeded = (int)Math.Ceiling(memoryBytes / 1048576.0);
        foreach (var (units, memories) in Valid.Where(v => v.Cpu >= cpuNeeded))
        {
            if (memories.FirstOrDefault(m => m >= memoryNeeded) is var memory and > 0)
            {
                return new FargateTask(units, memory);
            }
        }

        return null;
    }
}
