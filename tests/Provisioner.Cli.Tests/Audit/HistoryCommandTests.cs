using System.Text.Json;
using Provisioner.Cli.Tests.Support;

namespace Provisioner.Cli.Tests.Audit;

/// <summary>
/// <c>provision history</c> through the real binary and a real SQLite registry (no engine needed: the commands used fail or
/// touch only the registry): mutating commands are recorded with who, what, outcome and duration, reads are not.
/// </summary>
public sealed class HistoryCommandTests : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("provision-history-").FullName;

    public void Dispose() => Directory.Delete(_home, recursive: true);

    [Fact]
    public async Task MutatingCommands_RecordedNewestFirstWithOutcome_ReadsNot_FilterByTenant()
    {
        var cli = new ProvisionCli(_home);
        Assert.Equal(2, (await cli.RunAsync("pin", "nosuch", "1.0.0")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("key", "rotate")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("list")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("registry", "export", "-o", Path.Combine(_home, "export.jsonl"))).ExitCode);

        var history = await cli.RunAsync("history", "--json");

        Assert.True(history.ExitCode == 0, history.ToString());
        var entries = JsonDocument.Parse(history.Stdout).RootElement.EnumerateArray().ToList();
        Assert.Equal(["provision key rotate", "provision pin nosuch 1.0.0"], entries.Select(e => e.GetProperty("command").GetString()));
        var pin = entries[1];
        Assert.Equal(2, pin.GetProperty("exitCode").GetInt32());
        Assert.Equal("no tenant named 'nosuch'", pin.GetProperty("error").GetString());
        Assert.Equal("nosuch", pin.GetProperty("tenant").GetString());
        Assert.Equal(Environment.UserName, pin.GetProperty("user").GetString());
        Assert.Equal(Environment.MachineName, pin.GetProperty("host").GetString());
        Assert.Equal(0, entries[0].GetProperty("exitCode").GetInt32());

        var forTenant = JsonDocument.Parse((await cli.RunAsync("history", "nosuch", "--json")).Stdout).RootElement;
        Assert.Equal(1, forTenant.GetArrayLength());
        var table = await cli.RunAsync("history");
        Assert.Contains("exit 2: no tenant named 'nosuch'", table.Stdout);
    }
}
