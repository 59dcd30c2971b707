using System.Text.Json;
using Provisioner.Cli.Tests.Integration.Backups;
using Provisioner.Cli.Tests.Support;

namespace Provisioner.Cli.Tests.Integration.Cloning;

/// <summary>
/// <c>provision clone</c> of a notes tenant on the real engine: the clone has the source's rows with the note bodies masked and
/// everything else identical, its own database password, no write crosses between them, the source stays healthy and kept
/// serving; the copy is physical (the whole cluster, file by file) and SOURCE's password opens nothing in the clone; bad input
/// is one line, exit 2, nothing made; a clone killed with -9 while it copies, and its rerun killed while it swaps the copy in,
/// is finished by the next rerun with nothing half-made left (that one masks with a command instead of SQL).
/// </summary>
[Collection(EngineCollection.Name)]
[Trait("Category", "Integration")]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class CloneTests(EngineFixture engine)
{
    private const string Unmasked = "select id, title, created_at from notes order by id";

    [Fact]
    public async Task CloneWithMask_RowsCopiedBodiesMasked_OwnSecrets_Isolated_SourceHealthy()
    {
        var cli = engine.Cli();
        var probe = new TenantProbe(engine, cli);
        var source = engine.Tenant("cl-src");
        var copy = engine.Tenant("cl-new");
        Assert.Equal(0, (await cli.RunAsync("tenant", source)).ExitCode);
        foreach (var title in new[] { "one", "two", "three" })
        {
            await probe.WriteNoteAsync(source, title);
        }

        var sourceRows = await probe.PsqlAsync(source, "notes", Unmasked);
        var sourceBodies = await probe.PsqlAsync(source, "notes", "select body from notes order by id");

        var cloned = await cli.RunAsync("clone", source, copy, "--mask", "--json");

        Assert.True(cloned.ExitCode == 0, cloned.ToString());
        var result = JsonDocument.Parse(cloned.Stdout).RootElement;
        Assert.Equal(["db"], result.GetProperty("masked").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal("physical", result.GetProperty("copy").GetProperty("method").GetString());
        Assert.Equal(0, result.GetProperty("copy").GetProperty("sourceStopped").GetArrayLength());
        Assert.Equal(0, result.GetProperty("copy").GetProperty("sourcePausedSeconds").GetDouble());
        Assert.Equal(sourceRows, await probe.PsqlAsync(copy, "notes", Unmasked));
        Assert.Equal("3", (await probe.PsqlAsync(copy, "notes", "select count(*) from notes")).Trim());
        Assert.Equal("0", (await probe.PsqlAsync(copy, "notes", "select count(*) from notes where body <> 'masked note ' || id")).Trim());
        Assert.Equal(sourceBodies, await probe.PsqlAsync(source, "notes", "select body from notes order by id"));
        Assert.Contains("one body", sourceBodies);

        // Its own secrets: another database password, which is the one its copied database answers to (the app reads through it).
        var (sourcePassword, copyPassword) = (await SecretAsync(probe, source), await SecretAsync(probe, copy));
        Assert.NotEqual(sourcePassword, copyPassword);
        Assert.Equal(0, (await cli.RunAsync("status", copy)).ExitCode);

        // A physical copy carries SOURCE's role hashes: the clone's login must answer to the clone's password only.
        var withSourcePassword = await LoginAsync(probe, copy, sourcePassword);
        Assert.True(withSourcePassword.ExitCode != 0, withSourcePassword.Stdout);
        Assert.Contains("password authentication failed", withSourcePassword.Stderr);
        Assert.Equal((0L, "1"), ((await LoginAsync(probe, copy, copyPassword)).ExitCode, (await LoginAsync(probe, copy, copyPassword)).Stdout.Trim()));
        Assert.Equal("pgdata", await VolumeListingAsync(probe, copy));

        // Isolated: a write on one side does not appear on the other.
        await probe.WriteNoteAsync(copy, "only-in-the-clone");
        await probe.WriteNoteAsync(source, "only-in-the-source");
        Assert.DoesNotContain("only-in-the-clone", await probe.NotesAsync(source));
        Assert.DoesNotContain("only-in-the-source", await probe.NotesAsync(copy));
        Assert.Equal(0, (await cli.RunAsync("status", source)).ExitCode);
        Assert.Empty(Directory.GetDirectories(cli.Home, "clone-from-*", SearchOption.AllDirectories));

        // Bad input: one line, exit 2, nothing made.
        foreach (var args in new[]
        {
            new[] { "clone", source, copy }, ["clone", engine.Tenant("cl-nobody"), engine.Tenant("cl-x")], ["clone", source, source],
            ["clone", source, "Bad_Name"], ["clone", source, engine.Tenant("cl-y"), "--mask", "--no-mask"], ["clone", source, engine.Tenant("cl-z"), "--size", "huge"],
        })
        {
            var refused = await cli.RunAsync(args);
            Assert.True(refused.ExitCode == 2, refused.ToString());
            Assert.Single(refused.Stderr.Trim().Split('\n'), l => l.StartsWith("Error:", StringComparison.Ordinal));
        }

        Assert.Equal(2, JsonDocument.Parse((await cli.RunAsync("list", "--json")).Stdout).RootElement.GetArrayLength());
        Assert.Equal(0, (await cli.RunAsync("destroy", copy, "--yes", "--delete-data")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("destroy", source, "--yes", "--delete-data")).ExitCode);
    }

    [Fact]
    public async Task CloneKilledWhileCopyingThenWhileSwapping_RerunFinishesIt_NothingHalfMade_SourceIntact()
    {
        // The template's mask as a command this time (psql, with PGHOST/PGDATABASE naming the staged copy), same effect.
        using var templates = new TemplateVariant(
            "sql: \"update notes set body = 'masked note ' || id\"",
            "command: [psql, -X, -v, ON_ERROR_STOP=1, -c, \"update notes set body = 'masked note ' || id\"]");
        var cli = engine.Cli(new Dictionary<string, string> { ["PROVISIONER_TEMPLATES"] = templates.Root });
        var probe = new TenantProbe(engine, cli);
        var source = engine.Tenant("cl-ksrc");
        var copy = engine.Tenant("cl-knew");
        Assert.Equal(0, (await cli.RunAsync("tenant", source)).ExitCode);
        await probe.WriteNoteAsync(source, "kept");
        await probe.WriteNoteAsync(source, "also kept");
        var before = await probe.ChecksumAsync(source);

        // Killed while it copies SOURCE's files beside NEW's own, then killed again while it swaps the copy in.
        foreach (var killAt in new[] { "file by file beside its own", "swapping the copy of db in" })
        {
            using var running = cli.Start("clone", source, copy);
            await NotesBackupRestoreTests.WaitForLineAsync(running, killAt);
            running.Kill(entireProcessTree: true); // SIGKILL
            await running.WaitForExitAsync();
        }

        var rerun = await cli.RunAsync("clone", source, copy, "--json");

        Assert.True(rerun.ExitCode == 0, rerun.ToString());
        Assert.True(JsonDocument.Parse(rerun.Stdout).RootElement.GetProperty("resumed").GetBoolean(), rerun.ToString());
        Assert.Equal(await probe.PsqlAsync(source, "notes", Unmasked), await probe.PsqlAsync(copy, "notes", Unmasked));
        Assert.Equal("0", (await probe.PsqlAsync(copy, "notes", "select count(*) from notes where body <> 'masked note ' || id")).Trim());
        foreach (var tenant in new[] { source, copy })
        {
            Assert.Equal("", (await probe.PsqlAsync(tenant, "postgres", "select datname from pg_database where datname like 'provision_%'")).Trim());
            Assert.Equal(0, (await cli.RunAsync("status", tenant)).ExitCode);
        }

        Assert.Equal(before, await probe.ChecksumAsync(source));
        Assert.Equal("pgdata", await VolumeListingAsync(probe, copy));   // no partial, staged or old cluster left
        Assert.Empty(Directory.GetDirectories(cli.Home, "clone-from-*", SearchOption.AllDirectories));
        Assert.Equal(0, (await cli.RunAsync("destroy", copy, "--yes", "--delete-data")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("destroy", source, "--yes", "--delete-data")).ExitCode);
    }

    /// <summary>psql over TCP inside the tenant's database container as the app's login, with <paramref name="password"/>.</summary>
    private static async Task<(long ExitCode, string Stdout, string Stderr)> LoginAsync(TenantProbe probe, string tenant, string password) =>
        await probe.ExecAsync($"t-{tenant}-db", "postgres", ["bash", "-c", "PGPASSWORD=\"$1\" psql -X -h 127.0.0.1 -U notes -d notes -tAc 'select 1'", "bash", password]);

    /// <summary>What the database volume holds (one cluster, <c>pgdata</c>, and nothing a copy left beside it).</summary>
    private static async Task<string> VolumeListingAsync(TenantProbe probe, string tenant)
    {
        var (exitCode, stdout, stderr) = await probe.ExecAsync($"t-{tenant}-db", "postgres", ["ls", "-A", "/var/lib/postgresql/data"]);
        Assert.True(exitCode == 0, stderr);
        return stdout.Trim();
    }

    private static async Task<string> SecretAsync(TenantProbe probe, string tenant)
    {
        var (exitCode, stdout, stderr) = await probe.ExecAsync($"t-{tenant}-db", "", ["cat", "/run/secrets/db_password"]);
        Assert.True(exitCode == 0, stderr);
        Assert.NotEmpty(stdout.Trim());
        return stdout.Trim();
    }
}
