using Provisioner.Cli.Tests.Support;

namespace Provisioner.Cli.Tests.Integration;

[Collection(EngineCollection.Name)]
[Trait("Category", "Integration")]
public sealed class BadInputTests(EngineFixture engine)
{
    [Theory]
    [InlineData("ACME", 2, "uppercase")]
    [InlineData("../x", 2, "must start with a lowercase letter")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", 2, "the limit is 24")]
    public async Task Tenant_InvalidName_OneLineErrorAndNothingCreated(string name, int exit, string why)
    {
        var cli = engine.Cli();

        var r = await cli.RunAsync("tenant", name);

        AssertOneLineError(r, exit, why);
        Assert.Equal("[]", (await cli.RunAsync("list", "--json")).Stdout.Trim());
    }

    [Fact]
    public async Task Tenant_UnknownTemplateVersion_ListsAvailableAndCreatesNothing()
    {
        var cli = engine.Cli();
        var name = engine.Tenant("badver");

        var r = await cli.RunAsync("tenant", name, "--template", "notes@9.9.9");

        AssertOneLineError(r, 2, "available versions of notes: 1.0.0, 1.1.0");
        await AssertNothingFor(cli, name);
    }

    [Fact]
    public async Task Tenant_TemplateWithYamlError_NamesFileAndLineAndCreatesNothing()
    {
        using var templates = new TemplateVariant("sizes:", "sizes: [oops");
        var cli = engine.Cli(new Dictionary<string, string> { ["PROVISIONER_TEMPLATES"] = templates.Root });
        var name = engine.Tenant("badyaml");

        var r = await cli.RunAsync("tenant", name);

        AssertOneLineError(r, 2, "YAML syntax error");
        Assert.Contains("template.yaml:", r.Stderr);
        await AssertNothingFor(cli, name);
    }

    [Fact]
    public async Task Tenant_EngineStopped_SaysHowToStartItAndCreatesNothing()
    {
        var cli = engine.Cli(new Dictionary<string, string> { ["DOCKER_HOST"] = "unix:///tmp/no-engine-here.sock" });
        var name = engine.Tenant("noengine");

        var r = await cli.RunAsync("tenant", name);

        AssertOneLineError(r, 1, "Cannot reach the Docker engine at unix:///tmp/no-engine-here.sock");
        Assert.Contains("fix or unset DOCKER_HOST", r.Stderr);
        Assert.Equal("[]", (await cli.RunAsync("list", "--json")).Stdout.Trim());
        var left = await engine.ResourcesOf(name);
        Assert.Empty(left.Containers.Concat(left.Networks).Concat(left.Volumes));
    }

    [Fact]
    public async Task Destroy_WithoutYes_RefusesWithUsageExitCode()
    {
        var r = await engine.Cli().RunAsync("destroy", engine.Tenant("noyes"));

        AssertOneLineError(r, 2, "--yes");
    }

    [Fact]
    public async Task UnknownSize_ListsSizes()
    {
        var cli = engine.Cli();
        var name = engine.Tenant("badsize");

        var r = await cli.RunAsync("tenant", name, "--size", "huge");

        AssertOneLineError(r, 2, "sizes of notes@1.1.0: small, medium, large");
        await AssertNothingFor(cli, name);
    }

    private static void AssertOneLineError(CliResult r, int exit, string contains)
    {
        Assert.True(r.ExitCode == exit, r.ToString());
        var lines = r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1, r.ToString());
        Assert.StartsWith("Error: ", lines[0]);
        Assert.Contains(contains, lines[0]);
    }

    private async Task AssertNothingFor(ProvisionCli cli, string name)
    {
        Assert.DoesNotContain(name, (await cli.RunAsync("list", "--json")).Stdout);
        var left = await engine.ResourcesOf(name);
        Assert.Empty(left.Containers.Concat(left.Networks).Concat(left.Volumes));
    }
}
