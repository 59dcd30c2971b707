using Provisioner.Cli.Tests.Support;

namespace Provisioner.Cli.Tests.Registry;

/// <summary>A wrong or unreachable registry setting: one Error line naming where it came from, never the password (no server needed).</summary>
public sealed class RegistrySettingTests : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("registry-setting-").FullName;

    public void Dispose() => Directory.Delete(_home, recursive: true);

    [Fact]
    public async Task List_WrongUrlInTheEnvironment_Exit2NamingTheVariableNotThePassword()
    {
        var cli = new ProvisionCli(_home, new Dictionary<string, string> { ["PROVISIONER_REGISTRY"] = "mysql://ops:hunter2@db/team" });

        var r = await cli.RunAsync("list");

        Assert.Equal(2, r.ExitCode);
        Assert.Equal(
            "Error: PROVISIONER_REGISTRY: 'mysql://ops:***@db/team' is not a PostgreSQL URL (expected postgres://user:password@host:5432/database, or leave it unset for the SQLite registry in the home folder)",
            r.Stderr.Trim());
        Assert.DoesNotContain("hunter2", r.All);
    }

    [Fact]
    public async Task List_WrongUrlInTheFile_Exit2NamingFileAndLine()
    {
        var config = Path.Combine(_home, "provisioner.yaml");
        File.WriteAllText(config, "ports: { first: 21000, last: 21099 }\nregistry: postgres://ops:hunter2@db\n");
        var cli = new ProvisionCli(_home);

        var r = await cli.RunAsync("list", "--json");

        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith($"Error: {config}:2: registry: 'postgres://ops:***@db' names no database", r.Stderr);
        Assert.DoesNotContain("hunter2", r.All);
        Assert.Contains("\"exitCode\":2", r.Stdout);
    }

    [Fact]
    public async Task List_NothingListensThere_Exit1OneLineNamingHostAndPort()
    {
        var cli = new ProvisionCli(_home, new Dictionary<string, string> { ["PROVISIONER_REGISTRY"] = "postgres://ops:hunter2@127.0.0.1:1/team" });

        var r = await cli.RunAsync("list");

        Assert.Equal(1, r.ExitCode);
        Assert.Matches(@"^Error: registry at 127\.0\.0\.1:1 is unreachable \(.+\); rerun the same command to converge$", r.Stderr.Trim());
        Assert.DoesNotContain("hunter2", r.All);
    }
}
