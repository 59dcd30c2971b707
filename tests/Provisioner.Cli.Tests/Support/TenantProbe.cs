using System.Net.Http.Json;
using System.Text.Json;
using Docker.DotNet.Models;
using Provisioner.Data.Postgres;

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

    public async Task<string> AppImageAsync(string tenant) => (await engine.Docker.Containers.InspectContainerAsync($"t-{tenant}-app")).Config!.Image;

    public async Task<string> ContainerIdAsync(string name) => (await engine.Docker.Containers.InspectContainerAsync(name)).ID;

    /// <summary>A checksum over every row of every table, computed inside the tenant's db container.</summary>
    public async Task<string> ChecksumAsync(string tenant, string database = "notes") => (await PsqlAsync(tenant, database, DatabaseChecksum.Sql)).Trim();

    /// <summary>A checksum over every file (name and content) in a folder of a tenant's component, computed inside it.</summary>
    public async Task<string> FilesChecksumAsync(string tenant, string component, string folder)
    {
        var (exitCode, stdout, stderr) = await ExecAsync(
            $"t-{tenant}-{component}", "", ["sh", "-c", $"cd {folder} && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 -r sha256sum | sha256sum"]);
        Assert.True(exitCode == 0, $"files checksum in {tenant}'s {component}: {stderr}");
        return stdout.Trim();
    }

    /// <summary>Files an item with an attachment in a tracker tenant; returns its id.</summary>
    public async Task<long> FileItemAsync(string tenant, string title, string attachment)
    {
        using var response = await Http.PostAsJsonAsync(await EndpointAsync(tenant) + "/api/items", new { title, attachment });
        Assert.True(response.IsSuccessStatusCode, $"POST item to {tenant}: {(int)response.StatusCode}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    public async Task<string> AttachmentAsync(string tenant, long id) => await Http.GetStringAsync($"{await EndpointAsync(tenant)}/api/items/{id}/attachment");

    public async Task<string> PsqlAsync(string tenant, string database, string sql)
    {
        var (exitCode, stdout, stderr) = await ExecAsync($"t-{tenant}-db", "postgres", ["psql", "-X", "-d", database, "-tAc", sql]);
        Assert.True(exitCode == 0, $"psql in {tenant}: {stderr}");
        return stdout;
    }

    /// <summary>Runs a command in a running container: create, start attached, read both streams, then its exit code.</summary>
    public async Task<(long ExitCode, string Stdout, string Stderr)> ExecAsync(string container, string user, IList<string> command)
    {
        var exec = engine.Docker.Exec;
        var created = await exec.CreateContainerExecAsync(container, new ContainerExecCreateParameters { Cmd = command, User = user, AttachStdout = true, AttachStderr = true });
        string stdout, stderr;
        using (var stream = await exec.StartContainerExecAsync(created.ID, new ContainerExecStartParameters()))
        {
            (stdout, stderr) = await stream.ReadOutputToEndAsync(CancellationToken.None);
        }

        for (var attempt = 0; ; attempt++)
        {
            var inspect = await exec.InspectContainerExecAsync(created.ID);
            if (!inspect.Running && inspect.ExitCode is { } exitCode)
            {
                return (exitCode, stdout, stderr);
            }

            Assert.True(attempt < 200, $"exec in {container} reports no exit code");
            await Task.Delay(25);
        }
    }

    public async Task WriteNoteAsync(string tenant, string title)
    {
        using var response = await Http.PostAsJsonAsync(await EndpointAsync(tenant) + "/api/notes", new { title, body = $"{title} body" });
        Assert.True(response.IsSuccessStatusCode, $"POST note to {tenant}: {(int)response.StatusCode}");
    }

    public async Task<string> NotesAsync(string tenant) => await Http.GetStringAsync(await EndpointAsync(tenant) + "/api/notes");
}
