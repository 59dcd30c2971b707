using Provisioner.Core.Errors;
using Provisioner.Core.Upgrades;

namespace Provisioner.Core.Tests.Upgrades;

public sealed class WaveSizeTests
{
    [Theory]
    [InlineData("25%", 6, 2)]
    [InlineData("25%", 1, 1)]
    [InlineData("100%", 7, 7)]
    [InlineData("3", 10, 3)]
    [InlineData("1%", 3, 1)]
    public void Resolve_CountOrPercent_RoundsUpToAtLeastOne(string text, int targeted, int expected) =>
        Assert.Equal(expected, WaveSize.Resolve(text, targeted));

    [Theory]
    [InlineData("0")]
    [InlineData("-2")]
    [InlineData("150%")]
    [InlineData("2.5")]
    [InlineData("lots")]
    public void Resolve_Nonsense_IsBadInput(string text) =>
        Assert.Throws<BadInputException>(() => WaveSize.Resolve(text, 10));
}
