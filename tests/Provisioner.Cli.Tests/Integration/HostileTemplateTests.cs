using Provisioner.Cli.Tests.Support;

namespace Provisioner.Cli.Tests.Integration;

/// <summary>
/// Templates that would let a tenant out of its container: refused before anything is created, exit 2, with the path of
/// each problem (never "unknown key").
/// </summary>
[Collection(EngineCollection.Name)]
[Trait("Category", "Integration")]
public sealed class HostileTemplateTests(EngineFixture engine)
{
    private const string AppImage = "    image: notes-app:1.1.0\n";

    public static TheoryData<string, string, string> Hostile => new()
    {
        { "privileged", "privileged: true", "components.app.privileged: privileged containers are not allowed" },
        { "capsysadmin", "capabilities: [SYS_ADMIN]", "components.app.capabilities[0]: SYS_ADMIN is not allowed" },
        { "capadd", "capAdd: [SYS_ADMIN]", "components.app.capAdd[0]: SYS_ADMIN is not allowed" },
        { "hostnet", "network: host", "components.app.network: network: host is not allowed" },
        { "hostpid", "pid: host", "components.app.pid: pid: host is not allowed" },
        { "hostipc", "ipc: host", "components.app.ipc: ipc: host is not allowed" },
        { "hostpath", "volumes: { /etc: /host-etc }", "components.app.volumes./etc: '/etc' is a path on the engine host" },
        { "socket", "volumes: { /var/run/docker.sock: /var/run/docker.sock }", "components.app.volumes./var/run/docker.sock: '/var/run/docker.sock' is the engine's socket" },
        { "device", "devices: [/dev/kvm]", "components.app.devices: devices are not allowed" },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task Tenant_HostileTemplate_Exit2PathNamedNothingCreated(string role, string line, string expected)
    {
        using var templates = new TemplateVariant(AppImage, AppImage + $"    {line}\n");
        var cli = engine.Cli(new Dictionary<string, string> { ["PROVISIONER_TEMPLATES"] = templates.Root });
        var name = engine.Tenant(role);

        var r = await cli.RunAsync("tenant", name, "--template", "notes@1.1.0");

        Assert.True(r.ExitCode == 2, r.ToString());
        Assert.Contains(expected, r.Stderr);
        Assert.DoesNotContain("unknown key", r.Stderr);
        Assert.DoesNotContain(name, (await cli.RunAsync("list", "--json")).Stdout);
        var left = await engine.ResourcesOf(name);
        Assert.Empty(left.Containers.Concat(left.Networks).Concat(left.Volumes));
    }

    [Fact]
    public async Task TemplatesValidate_EveryHostileKeyAtOnce_Exit2OneErrorEachNamingItsPath()
    {
        var lines = Hostile.Select(row => (string)row[1]).Where(l => !l.StartsWith("volumes:", StringComparison.Ordinal))
            .Append("volumes: { /etc: /host-etc, /var/run/docker.sock: /var/run/docker.sock }");
        using var templates = new TemplateVariant(AppImage, AppImage + string.Concat(lines.Select(l => $"    {l}\n")));
        var cli = engine.Cli();

        var r = await cli.RunAsync("templates", "validate", Path.Combine(templates.Root, "notes", "1.1.0", "template.yaml"));

        Assert.True(r.ExitCode == 2, r.ToString());
        foreach (var expected in Hostile.Select(row => (string)row[2]))
        {
            Assert.Contains(expected, r.All);
        }

        Assert.Equal(Hostile.Count(), r.All.Split('\n').Count(l => l.Contains("components.app.", StringComparison.Ordinal)));
    }
}
