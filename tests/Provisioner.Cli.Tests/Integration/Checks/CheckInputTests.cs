using Provisioner.Cli.Tests.Support;

namespace Provisioner.Cli.Tests.Integration.Checks;

/// <summary><c>provision check</c>'s bad input (exit 2, one line saying why), an empty fleet (exit 0) and Ctrl+C ending --watch. No tenant is made.</summary>
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

    [Fact]
    public async Task CheckWatch_CtrlC_StopsWithTheLastRunsExitCode()
    {
        using var watch = engine.Cli().Start("check", "--all", "--watch", "60s");
        var stderr = watch.StandardError.ReadToEndAsync();
        string? line;
        while ((line = await watch.StandardOutput.ReadLineAsync()) is not null && !line.Contains("0 up, 0 down", StringComparison.Ordinal))
        {
        }

        Assert.NotNull(line);
        var sigint = await Shell.RunAsync("kill", "-INT", watch.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(sigint.ExitCode == 0, sigint.ToString());
        using var bound = new CancellationTokenSource(TimeSpan.FromMinutes(1)); // a guard against a hang, not a timing assertion
        try
        {
            await watch.WaitForExitAsync(bound.Token);
        }
        catch (OperationCanceledException)
        {
            watch.Kill();
            Assert.Fail($"still running a minute after SIGINT; its stderr:\n{await stderr}");
        }

        Assert.True(watch.ExitCode == 0, await stderr);
        Assert.Contains("Next check in 60 s (Ctrl+C stops).", await stderr);
    }
}
