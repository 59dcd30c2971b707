using System.Globalization;
using System.Text.Json;
using Provisioner.Cli.Tests.Support;

namespace Provisioner.Cli.Tests.Integration.Upgrades;

/// <summary>
/// Maintenance windows and a freeze on the real engine, with windows computed from the current time: two notes tenants at
/// 1.0.0, one whose window is open now and one whose window opens in three days. <c>upgrade --all</c> upgrades exactly the
/// first and reports the second waiting with its opening time (the registry agrees); named, the second is refused (exit 3).
/// A freeze then refuses <c>tenant</c> (nothing created) and <c>upgrade</c> with exit 3; <c>--force</c> with
/// <c>--ignore-windows</c> upgrades the second, recorded as forced; <c>unfreeze</c> lifts it.
/// </summary>
[Collection(EngineCollection.Name)]
[Trait("Category", "Integration")]
public sealed class MaintenanceWindowTests(EngineFixture engine)
{
    [Fact]
    public async Task UpgradeAll_OpenWindowUpgraded_ClosedWaits_FreezeRefusesUntilForced()
    {
        var cli = engine.Cli();
        var open = engine.Tenant("win-open");
        var shut = engine.Tenant("win-shut");
        foreach (var name in new[] { open, shut })
        {
            var created = await cli.RunAsync("tenant", name, "--template", "notes@1.0.0");
            Assert.True(created.ExitCode == 0, created.ToString());
        }

        // Open: from an hour ago to an hour from now (crossing midnight when now is near it). Closed: a day three days on.
        var now = DateTimeOffset.UtcNow;
        var start = now.AddHours(-1);
        var openWindow = $"{Day(start)} {start:HH:mm}-{start.AddHours(2):HH:mm} UTC";
        var opensAt = new DateTimeOffset(now.UtcDateTime.Date.AddDays(3).AddHours(2), TimeSpan.Zero);
        var shutWindow = $"{Day(opensAt)} 02:00-03:00 UTC";
        Assert.Equal(0, (await cli.RunAsync("window", open, openWindow)).ExitCode);
        var set = await cli.RunAsync("window", shut, shutWindow);
        Assert.True(set.ExitCode == 0, set.ToString());
        Assert.Contains($"closed now, next opens {Instant(opensAt)}", set.Stdout);
        var malformed = await cli.RunAsync("window", shut, "Sun 25:00-04:00 UTC");
        Assert.Equal(2, malformed.ExitCode);
        Assert.Contains("expected DAYS HH:MM-HH:MM ZONE", malformed.Stderr);

        var report = Path.Combine(cli.Home, "report.json");
        var upgrade = await cli.RunAsync("upgrade", "--all", "--to", "1.1.0", "--monitor", "1", "--report", report);

        Assert.True(upgrade.ExitCode == 0, upgrade.ToString());
        Assert.Matches($@"{shut}\s*│ -\s*│ 1\.0\.0\s*│ 1\.1\.0\s*│ waiting", upgrade.Stdout);
        Assert.Contains($"opens {Instant(opensAt)}", upgrade.Stdout);
        Assert.Contains("1 waiting for their maintenance window", upgrade.Stdout);
        var json = JsonDocument.Parse(File.ReadAllText(report)).RootElement;
        Assert.Equal([open], json.GetProperty("tenants").EnumerateArray().Select(t => t.GetProperty("tenant").GetString()));
        var waiting = json.GetProperty("waiting").EnumerateArray().Single();
        Assert.Equal((shut, shutWindow), (waiting.GetProperty("tenant").GetString(), waiting.GetProperty("window").GetString()));
        Assert.Equal(opensAt, waiting.GetProperty("opensAt").GetDateTimeOffset());
        Assert.Equal(("1.1.0", "1.0.0"), (await VersionAsync(cli, open), await VersionAsync(cli, shut)));
        Assert.Equal(shutWindow, (await RecordAsync(cli, shut)).GetProperty("maintenanceWindow").GetString());

        var named = await cli.RunAsync("upgrade", shut, "--to", "1.1.0");
        Assert.Equal(3, named.ExitCode);
        Assert.Contains($"{shut} is outside its maintenance window ({shutWindow}); it next opens {Instant(opensAt)}", named.Stderr);
        Assert.Contains("--ignore-windows", named.Stderr);

        Assert.Equal(0, (await cli.RunAsync("freeze", "--until", "1h", "--reason", "integration freeze")).ExitCode);
        var third = engine.Tenant("win-frozen");
        var refused = await cli.RunAsync("tenant", third);
        Assert.Equal(3, refused.ExitCode);
        Assert.Contains("the fleet is frozen until", refused.Stderr);
        Assert.Contains("(integration freeze)", refused.Stderr);
        Assert.Contains("--force", refused.Stderr);
        var nothing = await engine.ResourcesOf(third);
        Assert.Empty(nothing.Containers.Concat(nothing.Networks).Concat(nothing.Volumes));
        var list = await cli.RunAsync("list");
        Assert.Contains("FLEET FROZEN until", list.Stdout);
        Assert.DoesNotContain(third, list.Stdout);
        Assert.Equal(3, (await cli.RunAsync("upgrade", "--all", "--to", "1.1.0", "--ignore-windows")).ExitCode);
        Assert.Equal("1.0.0", await VersionAsync(cli, shut));

        var forced = await cli.RunAsync("upgrade", "--all", "--to", "1.1.0", "--ignore-windows", "--monitor", "1", "--force");

        Assert.True(forced.ExitCode == 0, forced.ToString());
        Assert.Equal("1.1.0", await VersionAsync(cli, shut));
        Assert.Contains("forced through the freeze", (await cli.RunAsync("history", "--limit", "1")).Stdout);
        Assert.Equal(0, (await cli.RunAsync("unfreeze")).ExitCode);
        Assert.DoesNotContain("FROZEN", (await cli.RunAsync("list")).Stdout);
        Assert.Equal(0, (await cli.RunAsync("window", shut, "--clear")).ExitCode);
        foreach (var name in new[] { open, shut })
        {
            Assert.Equal(0, (await cli.RunAsync("destroy", name, "--yes", "--delete-data")).ExitCode);
        }
    }

    private static string Day(DateTimeOffset at) => at.UtcDateTime.DayOfWeek.ToString()[..3];

    private static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";

    private static async Task<JsonElement> RecordAsync(ProvisionCli cli, string tenant)
    {
        var list = await cli.RunAsync("list", "--json");
        Assert.True(list.ExitCode == 0, list.ToString());
        return JsonDocument.Parse(list.Stdout).RootElement.EnumerateArray().Single(t => t.GetProperty("name").GetString() == tenant);
    }

    private static async Task<string?> VersionAsync(ProvisionCli cli, string tenant) => (await RecordAsync(cli, tenant)).GetProperty("version").GetString();
}
