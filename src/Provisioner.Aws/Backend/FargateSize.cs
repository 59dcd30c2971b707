using Provisioner.Core.Templates;

namespace Provisioner.Aws.Backend;

/// <summary>
/// A template size on AWS: the smallest valid Fargate task (CPU units, MiB) holding the whole size's CPU and memory limits
/// (Fargate has no requests: a task is given, and billed for, its whole cpu/memory, so a size's limits are what AWS runs; each
/// component's task is sized by its share, <see cref="FargateTask"/>), an RDS instance class by CPU, and RDS storage (at
/// least the 20 GiB gp3 minimum).
/// </summary>
public sealed record FargateSize(int CpuUnits, int MemoryMiB, string DbInstanceClass, int DbStorageGb)
{
    public static FargateSize For(SizeSpec size)
    {
        var task = FargateTask.For(size.CpuLimit, size.MemoryLimitBytes) ?? throw new Core.Errors.BadInputException(
            $"size {size.Name} ({size.CpuLimit} cpu, {Math.Ceiling(size.MemoryLimitBytes / 1048576.0)} MiB limits) is larger than the largest Fargate task (4 vCPU, 30 GiB)");
        return new FargateSize(task.CpuUnits, task.MemoryMiB, DbClass(size.CpuLimit), Storage(size.DiskBytes));
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
