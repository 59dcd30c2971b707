using Provisioner.Cli.Tests.Support;
using Xunit.Abstractions;

namespace Provisioner.Cli.Tests.Integration.Upgrades;

[Collection(EngineCollection.Name)]
[Trait("Category", "Integration")]
public sealed class ResumeTests(EngineFixture engine, ITestOutputHelper output)
{
    /// <summary>
    /// kill -9 as the first dump starts, and at a random point, of a four-tenant upgrade (two at a time, so the kill lands mid-fleet; four rather than six keeps `make test` within its budget), then `upgrade --resume`: the interrupted tenant is settled (finished
    /// forward or rolled back) and the fleet continues, so every tenant ends Active on 1.1.0 with its notes; the registry's version
    /// is the one the engine runs, and nothing is left over (no scratch database, no partial backup, no container outside the stamp).
    /// </summary>
    [Theory]
    [InlineData(0, "kill0")]      // as the canary's dump starts: a dead dump leaves its .partial file behind
    [InlineData(null, "kill")]    // at a random point 0-30 s later
    public async Task KillDuringFleetUpgrade_Resume_EveryTenantConsistent(int? killAfterMs, string prefix)
    {
        var cli = engine.Cli();
        var probe = new TenantProbe(engine, cli);
        var names = Enumerable.Range(1, 4).Select(i => engine.Tenant($"{prefix}{i}")).ToList();
        foreach (var name in names)
        {
            var created = await cli.RunAsync("tenant", name, "--template", "notes@1.0.0");
            Assert.True(created.ExitCode == 0, created.ToString());
            await probe.WriteNoteAsync(name, $"{name}-kept");
        }

        // Killed at a random point after the first backup has started (so some tenant is mid-upgrade or beyond).
        var extra = TimeSpan.FromMilliseconds(killAfterMs ?? Random.Shared.Next(0, 30_000));
        using (var process = cli.Start("upgrade", "--all", "--to", "1.1.0", "--parallel", "2"))
        {
            var backups = Path.Combine(cli.Home, "backups");
            var deadline = DateTime.UtcNow.AddMinutes(2);
            while (!process.HasExited && DateTime.UtcNow < deadline
                && !(Directory.Exists(backups) && Directory.EnumerateFiles(backups, "*", SearchOption.AllDirectories).Any()))
            {
                await Task.Delay(100);
            }

            var exited = process.WaitForExit(extra);
            Assert.False(exited, "the fleet upgrade finished before it could be killed");
            process.Kill(entireProcessTree: true); // SIGKILL
            await process.WaitForExitAsync();
            output.WriteLine($"killed {extra.TotalSeconds:0.0} s after the first backup started");
        }

        var resume = await cli.RunAsync("upgrade", "--resume");
        output.WriteLine(resume.ToString());
        Assert.True(resume.ExitCode == 0, resume.ToString());

        foreach (var name in names)
        {
            var record = await probe.RecordAsync(name);
            var version = record.GetProperty("version").GetString();
            Assert.True(version == "1.1.0", $"{name} is on {version} after the resume");
            Assert.Equal("Active", record.GetProperty("status").GetString());
            Assert.Equal($"notes-app:{version}", await probe.AppImageAsync(name));
            var containers = (await engine.ContainersOf(name)).Select(c => c.Names[0].TrimStart('/')).Order().ToList();
            Assert.Equal([$"t-{name}-app", $"t-{name}-db", $"t-{name}-migrate"], containers);
            Assert.DoesNotContain("provision_verify", await probe.PsqlAsync(name, "postgres", "select datname from pg_database"));
            var status = await cli.RunAsync("status", name);
            Assert.True(status.ExitCode == 0, status.ToString());
            Assert.Contains($"{name}-kept body", await probe.NotesAsync(name));
        }

        Assert.Empty(Directory.Exists(Path.Combine(cli.Home, "backups"))
            ? Directory.GetFiles(Path.Combine(cli.Home, "backups"), "*.partial", SearchOption.AllDirectories) : []);

        // Nothing is left to resume, and the same command again has nothing to do.
        Assert.Contains("Nothing left to resume", (await cli.RunAsync("upgrade", "--resume")).Stdout);
        var again = await cli.RunAsync("upgrade", "--all", "--to", "1.1.0", "--parallel", "2");
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("Nothing to upgrade", again.Stdout);
        foreach (var name in names)
        {
            Assert.Equal(0, (await cli.RunAsync("destroy", name, "--yes", "--delete-data")).ExitCode);
        }
    }
}
