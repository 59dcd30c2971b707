using Provisioner.Aws.Backend;
using Provisioner.Core.Errors;
using Provisioner.Core.Templates;

namespace Provisioner.Aws.Tests.Backend;

public sealed class FargateSizeTests
{
    [Theory]
    [InlineData(0.25, 512, 2, 256, 512, "db.t4g.micro", 20)]
    [InlineData(0.5, 512, 2, 512, 1024, "db.t4g.micro", 20)]
    [InlineData(1, 1024, 5, 1024, 2048, "db.t4g.small", 20)]
    [InlineData(2, 2048, 20, 2048, 4096, "db.t4g.medium", 20)]
    [InlineData(4, 16384, 100, 4096, 16384, "db.m7g.large", 100)]
    public void For_Size_SmallestValidFargateTask(double cpu, int memoryMiB, int diskGiB, int cpuUnits, int taskMemory, string dbClass, int storage)
    {
        var size = FargateSize.For(new SizeSpec("s", cpu, memoryMiB * 1048576L, diskGiB * 1073741824L));

        Assert.Equal(new FargateSize(cpuUnits, taskMemory, dbClass, storage), size);
    }

    [Fact]
    public void For_TooLarge_IsBadInput()
    {
        Assert.Throws<BadInputException>(() => FargateSize.For(new SizeSpec("huge", 8, 1L << 36, 1L << 30)));
    }
}
