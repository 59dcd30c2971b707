using Provisioner.Aws.Backend;

namespace Provisioner.Aws.Tests.Backend;

public sealed class RdsSnapshotNameTests
{
    [Theory]
    [InlineData("acme", "1.1.0", "t-acme-pre-1-1-0-20261122t061230")]
    [InlineData("big-brand", "2.0.0-rc.1", "t-big-brand-pre-2-0-0-rc-1-20261122t061230")]
    public void Before_OnlyLettersDigitsAndSingleHyphens(string tenant, string version, string expected)
    {
        var name = RdsSnapshotName.Before(tenant, version, new DateTimeOffset(2026, 11, 22, 6, 12, 30, TimeSpan.Zero));

        Assert.Equal(expected, name);
        Assert.Matches("^[a-z](-?[a-z0-9])*$", name);
    }
}
