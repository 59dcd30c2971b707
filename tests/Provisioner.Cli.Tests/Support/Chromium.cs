namespace Provisioner.Cli.Tests.Support;

/// <summary>Debian's headless Chromium (installed by <c>infra/browser/ensure-chromium.sh</c>, which <c>make test</c> runs).</summary>
public static class Chromium
{
    /// <summary>Where the capacity tests keep what they render: <c>TestResults/capacity/</c> in the repository.</summary>
    public static string ResultsDir { get; } = Directory.CreateDirectory(Path.Combine(RepoPaths.Root, "TestResults", "capacity")).FullName;

    public static async Task<CliResult> ScreenshotAsync(string page, string png, int width = 1200, int height = 1500) =>
        await RunAsync($"--screenshot={png}", $"--window-size={width},{height}", "--hide-scrollbars", new Uri(page).AbsoluteUri);

    /// <summary>The page's DOM after it was loaded and laid out, as Chromium serialises it.</summary>
    public static async Task<CliResult> DumpDomAsync(string page) => await RunAsync("--dump-dom", new Uri(page).AbsoluteUri);

    private static async Task<CliResult> RunAsync(params string[] args)
    {
        var found = await Shell.RunAsync("sh", "-c", "command -v chromium");
        Assert.True(found.ExitCode == 0, "chromium is not installed: run `make test` (it runs infra/browser/ensure-chromium.sh) or apt-get install chromium");
        var profile = Directory.CreateTempSubdirectory("chromium-profile-").FullName;
        try
        {
            return await Shell.RunAsync("chromium", ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", $"--user-data-dir={profile}", .. args]);
        }
        finally
        {
            Directory.Delete(profile, recursive: true);
        }
    }
}
