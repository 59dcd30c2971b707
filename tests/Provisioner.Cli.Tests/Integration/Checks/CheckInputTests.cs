using Provisioner.Cli.Tests.Support;

namespace Provisioner.Cli.Tests.Integration.Checks;

/// <summary><c>provision check</c>'s bad input (exit 2, one line saying what is wrong) and an empty fleet (exit 0). No tenant is made.</summary>
[Collection(EngineCollection.Name)]
[Trait("Category", "Integration")]
public sealed class CheckInputTests(EngineFixture engine)
{
    [Theory]
    [InlineData(new string[0], "give a tenant name, or --all")]
    [InlineData(new[] { "acme", "--all" }, "a tenant name and --all cannot be combined")]
    [InlineData(new[] { "--all", "--parallel", "0" }, "--parallel must be at least 1")]
    [InlineData(new[] { "--all", "--watch", "soon" }, "--watch: 'soon' is not a duration")]
    [InlineData(new[] { "nobody" }, "no tenant named 'nobody'")]
    public async Task Check_BadInput_Exit2SayingWhy(string[] args, string why)
    {
        var r = await engine.Cli().RunAsync(["check", .. args]);

        Assert.True(r.ExitCode == 2, r.ToString());
        Assert.Contains(why, r.Stderr);
    }

    [Fact]
    public async Task CheckAll_NoTenants_Exit0()
    {
        var r = await engine.Cli().RunAsync("check", "--all");

        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains("0 up, 0 down, 0 unknown, 0 skipped", r.Stdout);
    }
}
