using Provisioner.Core.Errors;
using Provisioner.Core.Tenants;

namespace Provisioner.Core.Tests.Tenants;

public class TenantNameTests
{
    [Theory]
    [InlineData("acme")]
    [InlineData("big-brand-2")]
    [InlineData("a")]
    public void Validate_GoodNames_Pass(string name) => Assert.Equal(name, TenantName.Validate(name));

    [Theory]
    [InlineData("ACME", "uppercase")]
    [InlineData("../x", "must start with a lowercase letter")]
    [InlineData("-acme", "must start with a lowercase letter")]
    [InlineData("acme-", "must not end with '-'")]
    [InlineData("a--b", "must not contain '--'")]
    [InlineData("1acme", "must start with a lowercase letter")]
    [InlineData("a_b", "not allowed ('_')")]
    [InlineData("BAD_", "uppercase letters; it contains characters that are not allowed ('_')")]
    [InlineData("a b", "not allowed (a space)")]
    [InlineData("a\tb", "not allowed (U+0009)")]
    [InlineData("", "required")]
    public void Validate_BadNames_AreBadInput(string name, string why)
    {
        var e = Assert.Throws<BadInputException>(() => TenantName.Validate(name));

        Assert.Contains(why, e.Message);
        Assert.Equal(ExitCodes.BadInput, e.ExitCode);
    }

    [Fact]
    public void Validate_TooLong_SaysTheLimit()
    {
        var e = Assert.Throws<BadInputException>(() => TenantName.Validate(new string('a', 64)));

        Assert.Contains("the limit is 24", e.Message);
    }
}
