using Provisioner.Aws.Backend;
using Provisioner.Core.Errors;

namespace Provisioner.Aws.Tests.Backend;

public sealed class AwsBackendOptionsTests
{
    [Fact]
    public void Validate_Defaults_AreValid()
    {
        Assert.Equal("aws:default-region", new AwsBackendOptions().Validate().HostLabel);
    }

    [Fact]
    public void Validate_EveryProblem_ReportedAtOnce()
    {
        var e = Assert.Throws<BadInputException>(() => new AwsBackendOptions { Region = "Ireland", AwsCli = " ", TaskTimeout = TimeSpan.Zero }.Validate());

        Assert.Contains("'Ireland' is not a region name", e.Message);
        Assert.Contains("aws.awsCli is empty", e.Message);
        Assert.Contains("timeout must be positive", e.Message);
    }
}
