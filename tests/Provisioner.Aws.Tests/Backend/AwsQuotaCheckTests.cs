using Provisioner.Aws.Capacity;
using Provisioner.Core.Templates;

namespace Provisioner.Aws.Tests.Backend;

public sealed class AwsQuotaCheckTests
{
    private static readonly AwsFootprint Small = AwsFootprint.For(new SizeSpec("small", 0.5, 512L << 20, 2L << 30));

    [Fact]
    public void Evaluate_FifthTenantOnDefaultQuotas_Fits_SixthDoesNot()
    {
        var four = Enumerable.Repeat(Small, 4);
        var five = Enumerable.Repeat(Small, 5);

        Assert.All(AwsQuotaCheck.Evaluate(new AwsQuotas { FargateVcpus = 100 }, four, Small), c => Assert.True(c.Fits, c.ToString()));
        var tightest = AwsQuotaCheck.Evaluate(new AwsQuotas { FargateVcpus = 100 }, five, Small)[0];
        Assert.False(tightest.Fits);
        Assert.Equal(5, tightest.Limit);
    }

    [Fact]
    public void For_SmallSize_TakesOneOfEachAndRolloutPeakVcpus()
    {
        Assert.Equal(new AwsFootprint(1, 1, 1, 1, 1, 20, 1.0), Small);
    }

    [Fact]
    public void For_TrackerSmall_EachServiceItsOwnTask()
    {
        var template = Support.Templates.Get("tracker@2.0.0");

        var footprint = AwsFootprint.For(template, template.Sizes["small"]);

        Assert.Equal(new AwsFootprint(1, 1, 1, 1, 1, 20, 2 * 0.75), footprint);
    }
}
