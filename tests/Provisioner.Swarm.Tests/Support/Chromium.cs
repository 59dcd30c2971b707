namespace Provisioner.Swarm.Tests.Support;

/// <summary>Debian's headless Chromium (installed by <c>infra/browser/ensure-chromium.sh</c>, which <c>make test</c> runs): a page to a PNG.</summary>
internal static class Chromium
{
    /// <summary>Where the cluster tests keep what they render: <c>TestResults/cluster/</c> in the repository.</summary>
    public static string ResultsDir { get; } = Directory.CreateDirectory(Path.Combine(RepoPaths.Root, "TestResults", "cluster")).FullName;

    public static async Task ScreenshotAsync(string page, string png)
    {
        var profile = Directory.CreateTempSubdirectory("chromium-profile-").FullName;
        try
        {
            await ClusterNodes.ShellAsync(
                $"chromium --headless --no-sandbox --disable-gpu --no-first-run --user-data-dir='{profile}' --screenshot='{png}' --window-size=1200,1700 --hide-scrollbars '{new Uri(page).AbsoluteUri}'");
        }
        finally
        {
            Directory.Delete(profile, recursive: true);
        }
    }
}
