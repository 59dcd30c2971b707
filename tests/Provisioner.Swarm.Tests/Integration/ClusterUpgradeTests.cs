using System.Net.Http.Json;
using System.Text.Json;
using Provisioner.Swarm.Tests.Support;

namespace Provisioner.Swarm.Tests.Integration;

/// <summary>
/// An upgrade on the cluster with the same machinery as on one engine: three notes tenants on 1.0.0 (each with a note).
/// The third is upgraded to the test-only version that crashes 3 s after it is ready (tests/fixtures): rolled back to
/// 1.0.0 with its database restored from the backup, its note kept. Then <c>upgrade --all --to 1.1.0</c>: the other two
/// upgraded (verified backup taken through the node's engine, migration job, replace, health gate, monitor window), their
/// notes kept, their data still on the node it was placed on, their recorded endpoints still answering.
/// </summary>
[Collection(ClusterCollection.Name)]
[Trait("Category", "Integration")]
[Trait("Category", "Swarm")]
public sealed class ClusterUpgradeTests : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("provision-swarm-").FullName;
    private readonly string _run = "u" + Guid.NewGuid().ToString("N")[..5];
    private readonly List<string> _made = [];

    [ClusterFact]
    public async Task RollbackFixture_RestoredOnItsNode_ThenUpgradeAll_TenantsUpgradedWithTheirNotesOnTheirNodes()
    {
        var cli = new SwarmCli(_home);
        var names = new[] { $"{_run}-1", $"{_run}-2" };
        var failing = $"{_run}-3";
        _made.AddRange([.. names, failing]);
        var made = await Task.WhenAll(names.Append(failing).Select(n => cli.RunAsync("tenant", n, "--template", "notes@1.0.0")));
        Assert.All(made, r => Assert.True(r.ExitCode == 0, r.ToString()));

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var before = await RecordsAsync(cli);
        foreach (var name in names.Append(failing))
        {
            var posted = await http.PostAsJsonAsync($"{before[name].Endpoint}/api/notes", new { body = $"kept by {name}" });
            Assert.True(posted.IsSuccessStatusCode, $"{name}: {posted.StatusCode}");
        }

        // The rollback fixture: crashes in the monitor window; back on 1.0.0 with its database restored, on its node.
        cli.Environment["PROVISIONER_TEMPLATES"] = WithFixtures();
        var crash = await cli.RunAsync("upgrade", failing, "--to", "1.2.0-crash-after-ready", "--monitor", "8");
        cli.Environment.Remove("PROVISIONER_TEMPLATES");
        Assert.True(crash.ExitCode == 1, crash.ToString());
        Assert.Contains($"{failing}: ROLLED BACK to 1.0.0 (database restored)", crash.All);
        var rolledBack = (await RecordsAsync(cli))[failing];
        Assert.Equal("1.0.0", rolledBack.Version);
        Assert.Equal(before[failing].Host, rolledBack.Host);
        Assert.Contains($"kept by {failing}", await http.GetStringAsync($"{rolledBack.Endpoint}/api/notes"));
        Assert.Equal(0, (await cli.RunAsync("check", failing)).ExitCode);

        var upgrade = await cli.RunAsync("upgrade", "--all", "--to", "1.1.0");

        Assert.True(upgrade.ExitCode == 0, upgrade.ToString());
        var after = await RecordsAsync(cli);
        foreach (var name in names)
        {
            Assert.Equal("1.1.0", after[name].Version);
            Assert.Equal(before[name].Host, after[name].Host);
            var notes = await http.GetStringAsync($"{after[name].Endpoint}/api/notes");
            Assert.Contains($"kept by {name}", notes);
            var status = await cli.RunAsync("status", name, "--json");
            Assert.True(status.ExitCode == 0, status.ToString());
            var db = JsonDocument.Parse(status.Stdout).RootElement.GetProperty("components").EnumerateArray().Single(c => c.GetProperty("component").GetString() == "db");
            Assert.Equal(before[name].Host, db.GetProperty("node").GetString());
        }
    }

    /// <summary>The real templates and the test-only faulty versions (tests/fixtures/templates) in one folder of this test's.</summary>
    private string WithFixtures()
    {
        var root = Path.Combine(_home, "with-fixtures");
        foreach (var source in new[] { RepoPaths.Templates, Path.Combine(RepoPaths.Root, "tests", "fixtures", "templates") })
        {
            foreach (var file in Directory.EnumerateFiles(source, "template.yaml", SearchOption.AllDirectories))
            {
                var target = Path.Combine(root, Path.GetRelativePath(source, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target, overwrite: true);
            }
        }

        return root;
    }

    private static async Task<Dictionary<string, (string Host, string Version, string Endpoint)>> RecordsAsync(SwarmCli cli)
    {
        var list = await cli.RunAsync("list", "--json");
        Assert.True(list.ExitCode == 0, list.ToString());
        return JsonDocument.Parse(list.Stdout).RootElement.EnumerateArray().ToDictionary(
            t => t.GetProperty("name").GetString()!,
            t => (t.GetProperty("host").GetString()!, t.GetProperty("version").GetString()!, t.GetProperty("endpoint").GetString()!));
    }

    public void Dispose()
    {
        if (_made.Count > 0 && SwarmCluster.SkipReason is null)
        {
            var cli = new SwarmCli(_home);
            foreach (var name in _made)
            {
                cli.RunAsync("destroy", name, "--yes", "--delete-data").GetAwaiter().GetResult();
            }
        }

        Directory.Delete(_home, recursive: true);
    }
}
