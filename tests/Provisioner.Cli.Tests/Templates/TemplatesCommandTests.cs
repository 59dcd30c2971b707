using System.Text.Json;
using Provisioner.Cli.Tests.Support;

namespace Provisioner.Cli.Tests.Templates;

/// <summary><c>provision templates validate</c> and <c>templates new</c>, through the real binary (no engine needed).</summary>
public sealed class TemplatesCommandTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("templates-cmd-").FullName;

    private ProvisionCli Cli => new(Directory.CreateDirectory(Path.Combine(_root, "home")).FullName, new Dictionary<string, string> { ["PROVISIONER_TEMPLATES"] = Path.Combine(_root, "templates") });

    [Fact]
    public async Task New_ThenValidate_WritesAStarterThatValidates()
    {
        var made = await Cli.RunAsync("templates", "new", "shop", "--json");

        Assert.True(made.ExitCode == 0, made.ToString());
        var written = JsonDocument.Parse(made.Stdout).RootElement.GetProperty("written").GetString()!;
        Assert.Equal(Path.Combine(_root, "templates", "shop", "1.0.0", "template.yaml"), written);
        var valid = await Cli.RunAsync("templates", "validate", written);
        Assert.True(valid.ExitCode == 0, valid.ToString());
        Assert.Contains("shop@1.0.0 is valid: 2 component(s) (db, web), 1 job(s), 1 journey(s), data in db (postgres)", valid.Stdout);
    }

    [Fact]
    public async Task New_Twice_RefusesAndKeepsTheFirst()
    {
        Assert.Equal(0, (await Cli.RunAsync("templates", "new", "shop")).ExitCode);
        var path = Path.Combine(_root, "templates", "shop", "1.0.0", "template.yaml");
        File.AppendAllText(path, "# edited\n");

        var again = await Cli.RunAsync("templates", "new", "shop");

        Assert.Equal(2, again.ExitCode);
        Assert.Contains("already exists", again.Stderr);
        Assert.EndsWith("# edited\n", File.ReadAllText(path));
    }

    [Fact]
    public async Task Validate_HostileAndBroken_EveryProblemWithLineAndPathExit2()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_root, "bad", "1.0.0")).FullName;
        File.WriteAllText(Path.Combine(folder, "template.yaml"), """
            product: bad
            version: 1.0.0
            sizes:
              small: { cpu: 0.5, memory: 512Mi, disk: 1Gi }
            components:
              cache:
                image: provisioner/redis:7
                port: 6379
              web:
                image: bad-app:1.0.0
                port: 8080
                entry: true
                env: { CACHE: "${cache.hots}" }
                volumes: { uploads: "/etc:/host-etc" }
                health:
                  - journey: checkout
            """);

        var r = await Cli.RunAsync("templates", "validate", folder);

        Assert.Equal(2, r.ExitCode);
        var lines = r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.EndsWith("template.yaml:14: components.web.volumes.uploads: mount path '/etc:/host-etc' must be one path inside the container (no ':' or ','; host paths are never mounted)", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("template.yaml:7: components.cache.health: cache runs all the time", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("template.yaml:13: components.web.env.CACHE: ${cache.hots}", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("journey 'checkout' is not declared", StringComparison.Ordinal));
        Assert.StartsWith("Error: 4 problem(s)", lines[^1]);
        Assert.False(File.Exists(Path.Combine(_root, "home", "registry.db")), "validating creates no registry");
    }

    [Fact]
    public async Task Validate_EveryShippedTemplate_IsValid()
    {
        foreach (var file in Directory.GetFiles(RepoPaths.Templates, "template.yaml", SearchOption.AllDirectories))
        {
            var r = await Cli.RunAsync("templates", "validate", file);
            Assert.True(r.ExitCode == 0, $"{file}: {r}");
        }
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
