using System.Text.Json;
using Provisioner.Cli.Tests.Support;

namespace Provisioner.Cli.Tests.Integration;

[Collection(EngineCollection.Name)]
[Trait("Category", "Integration")]
public sealed class CapacityReportTests(EngineFixture engine)
{
    [Fact]
    public async Task CapacityHtml_RenderedInHeadlessChromium_ShowsTheVerdict()
    {
        var cli = engine.Cli(CapacityEnv.Real(overcommit: 1.0));
        var page = Path.Combine(Chromium.ResultsDir, "capacity.html");
        var png = Path.Combine(Chromium.ResultsDir, "capacity.png");
        File.Delete(png);

        await cli.RunAsync("capacity", "--no-usage"); // a little history for the chart
        var run = await cli.RunAsync("capacity", "--for", "small", "--count", "2", "--customer", "Big Brand", "--html", page, "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var reason = JsonDocument.Parse(run.Stdout).RootElement.GetProperty("verdict").GetProperty("reason").GetString()!;
        var html = await File.ReadAllTextAsync(page);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org/2000/svg", ""));
        Assert.DoesNotContain("https://", html);

        var shot = await Chromium.ScreenshotAsync(page, png);
        Assert.True(File.Exists(png) && new FileInfo(png).Length > 10_000, $"no screenshot at {png}: {shot}");

        var dom = await Chromium.DumpDomAsync(page);
        Assert.True(dom.ExitCode == 0, dom.ToString());
        Assert.Contains("YES for Big Brand", dom.Stdout);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(reason), dom.Stdout);
        Assert.Contains("<svg", dom.Stdout);
    }
}
