using System.Text;
using Provisioner.Cli.Tests.Support;
using Provisioner.Core.Tenants;
using Provisioner.Registry;

namespace Provisioner.Cli.Tests.Registry;

/// <summary>
/// <c>provision registry export</c> from an operator's SQLite registry and <c>import</c> into the team's PostgreSQL one: the same
/// home (so the same key), only PROVISIONER_REGISTRY changes, and <c>provision list</c> shows exactly the same.
/// </summary>
[Trait("Category", "Integration")]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class RegistryMoveTests : IAsyncLifetime, IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("registry-move-").FullName;
    private SharedRegistry? _postgres;

    public async Task InitializeAsync() => _postgres = await SharedRegistry.CreateAsync();

    public async Task DisposeAsync() => await _postgres!.DisposeAsync();

    public void Dispose() => Directory.Delete(_home, recursive: true);

    [Fact]
    public async Task Export_FromSqlite_ImportIntoPostgres_ListIdentical()
    {
        await WriteFleetAsync();
        var sqlite = new ProvisionCli(_home);
        var postgres = new ProvisionCli(_home, _postgres!.Environment);
        var file = Path.Combine(_home, "fleet.jsonl");

        var export = await sqlite.RunAsync("registry", "export", "--output", file);
        var import = await postgres.RunAsync("registry", "import", file);

        Assert.True(export.ExitCode == 0, export.ToString());
        Assert.Contains($"Exported 3 tenant(s), 2 operation(s) and 0 capacity snapshot(s) from SQLite at {_home}/registry.db to {file}", export.Stdout);
        Assert.True(import.ExitCode == 0, import.ToString());
        Assert.Contains("Imported 3 tenant(s), 2 operation(s) and 0 capacity snapshot(s) into PostgreSQL at ", import.Stdout);
        Assert.DoesNotContain("sekrit-password", await File.ReadAllTextAsync(file));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        Assert.Equal((await sqlite.RunAsync("list")).Stdout, (await postgres.RunAsync("list")).Stdout);
        Assert.Equal((await sqlite.RunAsync("list", "--json")).Stdout, (await postgres.RunAsync("list", "--json")).Stdout);
        Assert.Contains("acme", (await postgres.RunAsync("list")).Stdout);
    }

    [Fact]
    public async Task Import_Again_Exit3UnlessReplace_AndExportToStdoutIsTheSameData()
    {
        await WriteFleetAsync();
        var file = Path.Combine(_home, "fleet.jsonl");
        Assert.Equal(0, (await new ProvisionCli(_home).RunAsync("registry", "export", "-o", file)).ExitCode);
        var postgres = new ProvisionCli(_home, _postgres!.Environment);
        Assert.Equal(0, (await postgres.RunAsync("registry", "import", file)).ExitCode);

        var again = await postgres.RunAsync("registry", "import", file);
        var replaced = await postgres.RunAsync("registry", "import", file, "--replace", "--json");
        var stdout = await postgres.RunAsync("registry", "export");

        Assert.Equal(3, again.ExitCode);
        Assert.Equal(
            "Error: the registry already has 3 of the file's tenants (acme, beta, gamma); nothing was imported (--replace overwrites them with the file's records)",
            again.Stderr.Trim());
        Assert.True(replaced.ExitCode == 0, replaced.ToString());
        Assert.Contains("\"replacedTenants\": 3", replaced.Stdout);
        Assert.Contains("\"skippedOperations\": 2", replaced.Stdout);
        Assert.Equal(DataLines(await File.ReadAllTextAsync(file)), DataLines(stdout.Stdout));
        Assert.StartsWith("Exported 3 tenant(s)", stdout.Stderr);
    }

    /// <summary>An operator's SQLite registry: three tenants (one pinned, secrets encrypted with the home's key) and their journal.</summary>
    private async Task WriteFleetAsync()
    {
        var registry = RegistryFactory.CreateSqlite(_home);
        var protector = RegistryFactory.CreateProtector(_home);
        byte[] Secrets(string name) => protector.Protect(Encoding.UTF8.GetBytes("""{"db_password":"sekrit-password"}"""), name);
        var at = new DateTimeOffset(2026, 11, 30, 17, 45, 12, 345, TimeSpan.Zero).AddTicks(6789);
        TenantRecord Tenant(string name, string status, int? port) => new(
            name, "notes", "1.1.0", "small", Core.Backends.BackendKind.Of("docker"), "local", status,
            port is null ? null : $"http://127.0.0.1:{port}", port, Secrets(name), null, at, at.AddMinutes(3));
        await registry.SaveAsync(Tenant("acme", TenantStatus.Active, 21001) with { PinnedVersion = "1.1.0" });
        await registry.SaveAsync(Tenant("beta", TenantStatus.Destroyed, null));
        await registry.SaveAsync(Tenant("gamma", TenantStatus.Failed, 21002) with { LastError = "health: /readyz answered 503" });
        var op = await registry.Journal.BeginAsync("acme", "provision", "notes@1.1.0 size=small");
        await registry.Journal.EndAsync(op, JournalStatus.Succeeded);
        await registry.Journal.EndAsync(await registry.Journal.BeginAsync("gamma", "provision", "notes@1.1.0 size=small"), JournalStatus.Failed, "unhealthy");
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    private static string[] DataLines(string export) => export.Split('\n', StringSplitOptions.RemoveEmptyEntries)[1..];
}
