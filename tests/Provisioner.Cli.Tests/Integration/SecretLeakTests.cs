using Provisioner.Cli.Tests.Support;

namespace Provisioner.Cli.Tests.Integration;

[Collection(EngineCollection.Name)]
[Trait("Category", "Integration")]
public sealed class SecretLeakTests(EngineFixture engine)
{
    [Fact]
    public async Task DatabasePassword_AppearsInNoInspectLogOrCliOutput()
    {
        var cli = engine.Cli();
        var name = engine.Tenant("secret");
        string[][] runs =
        [
            ["tenant", name, "--size", "medium", "--verbose"],
            ["tenant", name, "--json", "--verbose"],
            ["status", name, "--json"],
            ["status", name],
            ["list", "--json"],
        ];
        foreach (var args in runs)
        {
            var run = await cli.RunAsync(args);
            Assert.True(run.ExitCode == 0, $"provision {string.Join(' ', args)}: {run}");
        }

        // The password as the containers see it (delivered as a file).
        var read = await Shell.RunAsync("docker", "exec", $"t-{name}-db", "cat", "/run/secrets/db_password");
        Assert.Equal(0, read.ExitCode);
        var password = read.Stdout.Trim();
        Assert.True(password.Length >= 32, "the generated password should be long");

        var (containers, networks, volumes) = await engine.ResourcesOf(name);
        var inspect = await Shell.RunAsync("docker", ["inspect", .. containers]);
        var inspectNetworks = await Shell.RunAsync("docker", ["network", "inspect", .. networks]);
        var inspectVolumes = await Shell.RunAsync("docker", ["volume", "inspect", .. volumes]);
        Assert.Equal(0, inspect.ExitCode);
        Assert.Contains($"t-{name}-db", inspect.Stdout);
        Assert.True(inspectNetworks.ExitCode == 0 && inspectVolumes.ExitCode == 0, inspectNetworks.ToString() + inspectVolumes);
        Assert.DoesNotContain(password, inspect.All + inspectNetworks.All + inspectVolumes.All);

        // What every container of the tenant (the migration job's too) wrote to its stdout and stderr.
        Assert.Contains($"t-{name}-app", containers);
        foreach (var container in containers)
        {
            var output = await Shell.RunAsync("docker", "logs", container);
            Assert.True(output.ExitCode == 0, $"docker logs {container}: {output}");
            Assert.DoesNotContain(password, output.All);
        }

        foreach (var run in cli.History)
        {
            Assert.DoesNotContain(password, run.All);
        }

        var logs = Directory.GetFiles(Path.Combine(cli.Home, "logs"));
        Assert.NotEmpty(logs);
        foreach (var file in logs)
        {
            var text = await File.ReadAllTextAsync(file);
            Assert.Contains("\"Tenant\":\"" + name + "\"", text);
            Assert.DoesNotContain(password, text);
        }

        // Encrypted at rest: the registry file never holds it in clear.
        var registry = await File.ReadAllBytesAsync(Path.Combine(cli.Home, "registry.db"));
        Assert.DoesNotContain(password, System.Text.Encoding.UTF8.GetString(registry));
        foreach (var wal in Directory.GetFiles(cli.Home, "registry.db-*"))
        {
            Assert.DoesNotContain(password, System.Text.Encoding.UTF8.GetString(await File.ReadAllBytesAsync(wal)));
        }

        Assert.Equal(0, (await cli.RunAsync("destroy", name, "--yes", "--delete-data")).ExitCode);
    }
}
