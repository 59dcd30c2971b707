using System.Net.Http.Json;
using System.Text.Json;
using Provisioner.Core.Upgrades;
using Provisioner.Docker.Engine;

namespace Provisioner.Cli.Tests.Support;

/// <summary>Looks at a tenant from outside: its registry row (via the CLI), its containers, its database and its notes.</summary>
public sealed class TenantProbe(EngineFixture engine, ProvisionCli cli)
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public async Task<JsonElement> RecordAsync(string tenant)
    {
        var list = await cli.RunAsync("list", "--json");
        Assert.True(list.ExitCode == 0, list.ToString());
        return JsonDocument.Parse(list.Stdout).RootElement.EnumerateArray().Single(t => t.GetProperty("name").GetString() == tenant);
    }

    public async Task<string> EndpointAsync(string tenant) => (await RecordAsync(tenant)).GetProperty("endpoint").GetString()!;

    public async Task<string> AppImageAsync(string tenant) => (await engine.Docker.Containers.InspectAsync($"t-{tenant}-app")).Config.Image;

    public async Task<string> ContainerIdAsync(string name) => (await engine.Docker.Containers.InspectAsync(name)).Id;

    /// <summary>A checksum over every row of every table, computed inside the tenant's db container.</summary>
    public async Task<string> ChecksumAsync(string tenant) => (await PsqlAsync(tenant, "notes", DatabaseChecksum.Sql)).Trim();

    public async Task<string> PsqlAsync(string tenant, string database, string sql)
    {
        var result = await engine.Docker.Exec.RunAsync($"t-{tenant}-db", new ExecCreateParameters { Cmd = ["psql", "-X", "-d", database, "-tAc", sql], User = "postgres" });
        Assert.True(result.ExitCode == 0, $"psql in {tenant}: {result.Stderr}");
        return result.Stdout;
    }

    public async Task WriteNoteAsync(string tenant, string title)
    {
        using var response = await Http.PostAsJsonAsync(await EndpointAsync(tenant) + "/api/notes", new { title, body = $"{title} body" });
        Assert.True(response.IsSuccessStatusCode, $"POST note to {tenant}: {(int)response.StatusCode}");
    }

    public async Task<string> NotesAsync(string tenant) => await Http.GetStringAsync(await EndpointAsync(tenant) + "/api/notes");
}
