using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Provisioner.Cli.Tests.Support;

namespace Provisioner.Cli.Tests.Integration.Faults;

/// <summary>
/// A busy or broken SQLite registry, on the command line: another process holding a write transaction (reads go on, a
/// write is exit 3 naming the file, nothing created), a garbage file, a truncated one, a schema from a newer version
/// (exit 1, one line naming the file and the next step, the file unchanged).
/// </summary>
[Collection(EngineCollection.Name)]
[Trait("Category", "Integration")]
public sealed class BrokenRegistryTests(EngineFixture engine)
{
    [Fact]
    public async Task WriteTransactionHeldByAnotherProcess_ReadsGoOn_WriteIsExit3NamingTheFile_NothingCreated()
    {
        var cli = engine.Cli();
        var file = await CreatedRegistryAsync(cli);
        var name = engine.Tenant("busy-reg");
        await using (var holder = Open(file))
        {
            await using var begin = holder.CreateCommand();
            begin.CommandText = "begin immediate; insert into audit_log select * from audit_log where 0;";
            await begin.ExecuteNonQueryAsync();

            var read = await cli.RunAsync("list");
            var write = await cli.RunAsync("tenant", name);

            Assert.True(read.ExitCode == 0, read.ToString());
            Assert.True(write.ExitCode == 3, write.ToString());
            Assert.StartsWith($"Error: registry {file} is busy: another process holds a write transaction on it (rerun when it has finished", ErrorLine(write));
        }

        var (containers, networks, volumes) = await engine.ResourcesOf(name);
        Assert.Empty(containers.Concat(networks).Concat(volumes));
        Assert.Equal("[]", (await cli.RunAsync("list", "--json")).Stdout.Trim());
    }

    [Fact]
    public async Task GarbageFile_Exit1NamingTheFile_Unchanged()
    {
        var cli = engine.Cli();
        var file = Path.Combine(cli.Home, "registry.db");
        await File.WriteAllBytesAsync(file, RandomNumberGenerator.GetBytes(8192));

        await AssertUnreadableAsync(cli, file, "is not a readable SQLite database (");
    }

    [Fact]
    public async Task TruncatedFile_Exit1NamingTheFile_Unchanged()
    {
        var cli = engine.Cli();
        var file = await CreatedRegistryAsync(cli);
        await using (var f = new FileStream(file, FileMode.Open))
        {
            f.SetLength(Math.Min(f.Length / 2, 4096));
        }

        await AssertUnreadableAsync(cli, file, "is not a readable SQLite database (");
    }

    [Fact]
    public async Task SchemaFromANewerVersion_Exit1NamingTheFile_Unchanged()
    {
        var cli = engine.Cli();
        var file = await CreatedRegistryAsync(cli);
        await using (var c = Open(file))
        {
            await using var cmd = c.CreateCommand();
            cmd.CommandText = "pragma user_version = 99;";
            await cmd.ExecuteNonQueryAsync();
        }

        await AssertUnreadableAsync(cli, file, "has schema version 99, newer than this provision knows");
    }

    private static async Task AssertUnreadableAsync(ProvisionCli cli, string file, string expected)
    {
        var before = Convert.ToHexString(SHA256.HashData(await File.ReadAllBytesAsync(file)));

        foreach (var args in new[] { new[] { "list" }, ["tenant", "nobody-here"] })
        {
            var run = await cli.RunAsync(args);

            Assert.True(run.ExitCode == 1, run.ToString());
            Assert.Contains($"Error: registry {file} {expected}", ErrorLine(run));
            Assert.Contains(expected.StartsWith("has schema", StringComparison.Ordinal) ? "run the newer provision" : "move it aside to start an empty registry", ErrorLine(run));
        }

        Assert.Equal(before, Convert.ToHexString(SHA256.HashData(await File.ReadAllBytesAsync(file))));
    }

    /// <summary>The one error line (a warning that the audit entry could not be recorded may come before it).</summary>
    private static string ErrorLine(CliResult run) =>
        Assert.Single(run.Stderr.Split('\n', StringSplitOptions.TrimEntries), l => l.StartsWith("Error:", StringComparison.Ordinal));

    private static async Task<string> CreatedRegistryAsync(ProvisionCli cli)
    {
        var list = await cli.RunAsync("list");
        Assert.True(list.ExitCode == 0, list.ToString());
        return Path.Combine(cli.Home, "registry.db");
    }

    private static SqliteConnection Open(string file)
    {
        var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString());
        c.Open();
        return c;
    }
}
