using Provisioner.Core.Capacity;
using Provisioner.Core.Errors;

namespace Provisioner.Core.Tests.Capacity;

public sealed class CapacityOptionsTests
{
    [Fact]
    public void Validate_Defaults_AreValid()
    {
        var options = new CapacityOptions().Validate();

        Assert.Equal((0.10, 1.0, CapacityScope.Engine), (options.Reserve, options.CpuOvercommit, options.Scope));
        Assert.Equal(0.9, options.Allocatable(ResourceKind.Memory), 6);
    }

    [Fact]
    public void Validate_SeveralProblems_ReportsAllAtOnce()
    {
        var e = Assert.Throws<BadInputException>(() => new CapacityOptions { Reserve = 1.5, CpuOvercommit = 0 }.Validate());

        Assert.Contains("capacity.reserve", e.Message);
        Assert.Contains("capacity.cpuOvercommit", e.Message);
    }
}
