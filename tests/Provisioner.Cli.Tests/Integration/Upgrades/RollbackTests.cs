using System.Xml.Linq;
using Provisioner.Cli.Tests.Support;

namespace Provisioner.Cli.Tests.Integration.Upgrades;

[Collection(SecondEngineCollection.Name)]
[Trait("Category", "Integration")]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class RollbackTests(EngineFixture engine)
{
    /// <summary>
    /// Fixtures (a)-(d) as the target, one after another on the same three tenants: each time only the canary is touched, it
    /// ends on 1.0.0, healthy, with its database identical to before; the others keep their containers; the exit code is
    /// non-zero and the JUnit report names the canary and the reason. Then (e): slow but within the deadline, no rollback.
    /// </summary>
    [Fact]
    public async Task FaultyVersions_OnlyCanaryTouched_RolledBackWithDatabaseIdentical()
    {
        using var templates = new FixtureTemplates();
        // A short deadline keeps the never-ready fixture quick, but the healthy versions must pass within it too, on a
        // loaded 2-core CI machine (20 s was once too short there for a fresh 1.0.0 tenant).
        var cli = engine.Cli(new Dictionary<string, string> { ["PROVISIONER_TEMPLATES"] = templates.Root, ["PROVISIONER_HEALTH_DEADLINE"] = "45s" });
        var probe = new TenantProbe(engine, cli);
        var canary = engine.Tenant("rb-canary");
        var others = new[] { engine.Tenant("rb-other1"), engine.Tenant("rb-other2") };
        foreach (var name in others.Prepend(canary))
        {
            var created = await cli.RunAsync("tenant", name, "--template", "notes@1.0.0");
            Assert.True(created.ExitCode == 0, created.ToString());
            await probe.WriteNoteAsync(name, $"{name}-kept");
        }

        var untouched = new Dictionary<string, string>();
        foreach (var name in others)
        {
            untouched[name] = await probe.ContainerIdAsync($"t-{name}-app") + await probe.ContainerIdAsync($"t-{name}-db");
        }

        foreach (var (fixture, reason) in new[]
        {
            ("exit-at-start", "health gate failed"),
            ("crash-after-ready", "monitor window"),
            ("never-ready", "health gate failed"),
            ("migrate-fails", "job t-" + canary + "-migrate failed"),
        })
        {
            var before = await probe.ChecksumAsync(canary);
            var junit = Path.Combine(cli.Home, $"junit-{fixture}.xml");
            var run = await cli.RunAsync("upgrade", "--all", "--to", $"1.2.0-{fixture}", "--canary", canary, "--report", junit);

            Assert.True(run.ExitCode != 0, $"{fixture}: {run}");
            Assert.Equal(before, await probe.ChecksumAsync(canary));
            var record = await probe.RecordAsync(canary);
            Assert.Equal(("1.0.0", "RolledBack"), (record.GetProperty("version").GetString(), record.GetProperty("status").GetString()));
            Assert.Contains(reason, record.GetProperty("lastError").GetString());
            Assert.Equal("notes-app:1.0.0", await probe.AppImageAsync(canary));
            var status = await cli.RunAsync("status", canary);
            Assert.True(status.ExitCode == 0, $"{fixture}: canary not healthy after rollback: {status}");
            Assert.Contains($"{canary}-kept body", await probe.NotesAsync(canary));
            foreach (var name in others)
            {
                Assert.Equal(untouched[name], await probe.ContainerIdAsync($"t-{name}-app") + await probe.ContainerIdAsync($"t-{name}-db"));
                Assert.Equal("1.0.0", (await probe.RecordAsync(name)).GetProperty("version").GetString());
            }

            var failure = Assert.Single(XDocument.Load(junit).Descendants("failure"));
            Assert.Contains(canary, failure.Attribute("message")!.Value);
            Assert.Contains(reason, failure.Attribute("message")!.Value);
            Assert.Equal(2, XDocument.Load(junit).Descendants("skipped").Count());
            Assert.Empty(Directory.GetFiles(Path.Combine(cli.Home, "backups"), "*.partial", SearchOption.AllDirectories));
            var owner = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            var files = Directory.GetFiles(Path.Combine(cli.Home, "backups", canary), "*", SearchOption.AllDirectories);
            Assert.NotEmpty(files);
            Assert.All(files, f => Assert.Equal(owner, File.GetUnixFileMode(f)));
            Assert.All(Directory.GetDirectories(Path.Combine(cli.Home, "backups"), "*", SearchOption.AllDirectories),
                d => Assert.Equal(owner | UnixFileMode.UserExecute, File.GetUnixFileMode(d)));
        }

        var slow = await cli.RunAsync("upgrade", canary, "--to", "1.2.0-slow-ready");
        Assert.True(slow.ExitCode == 0, slow.ToString());
        Assert.DoesNotContain("rolling back", slow.Stderr);
        Assert.Equal("1.2.0-slow-ready", (await probe.RecordAsync(canary)).GetProperty("version").GetString());
        Assert.Contains($"{canary}-kept body", await probe.NotesAsync(canary));
        foreach (var name in others.Prepend(canary))
        {
            Assert.Equal(0, (await cli.RunAsync("destroy", name, "--yes", "--delete-data")).ExitCode);
        }
    }
}
