using Provisioner.Aws.Program;
using Provisioner.Aws.Tests.Support;
using Provisioner.Core.Errors;

namespace Provisioner.Aws.Tests.Program;

public sealed class AwsValuesTests
{
    private static AwsValues For(string reference, string size = "small")
    {
        var template = Templates.Get(reference);
        return new AwsValues(TenantLayout.Of(template, template.Sizes[size], AwsFakes.Options));
    }

    [Theory]
    [InlineData("${tenant.name}", "${tenant}")]
    [InlineData("${tenant.url}/api", "http://${alb.dnsName}/api")]
    [InlineData("${db.host}:${db.port}", "${dbDatabase.address}:5432")]
    [InlineData("redis://${queue.host}:${queue.port}", "redis://queue.${dns.name}:6379")]
    [InlineData("${secrets.db_password}", "/run/secrets/db_password")]
    [InlineData("${size.name} ${size.cpu} ${size.memoryMb}", "small 0.5 768")]
    [InlineData("literal $${tenant.name} stays", "literal $${tenant.name} stays")]
    [InlineData("no values", "no values")]
    public void Expand_TrackerWeb_TheAwsValue(string text, string expected)
    {
        Assert.Equal(expected, For("tracker@2.0.0").Expand(text, "web"));
    }

    [Fact]
    public void Expand_Self_TheComponentsShareOfTheSize()
    {
        Assert.Equal("0.7 921", For("tracker@2.0.0", "large").Expand("${self.cpu} ${self.memoryMb}", "web"));
    }

    [Fact]
    public void Expand_PortOfAComponentWithoutOne_IsBadInput()
    {
        var e = Assert.Throws<BadInputException>(() => For("tracker@2.0.0").Expand("${worker.port}", "web"));

        Assert.Contains("component web uses ${worker.port}, which has no value on AWS", e.Message);
    }
}
