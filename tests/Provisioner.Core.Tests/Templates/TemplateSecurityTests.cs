using Provisioner.Core.Templates;

namespace Provisioner.Core.Tests.Templates;

/// <summary>The confinement keys (capabilities, tmpfs, user, pids) and the hostile keys refused with the path that holds them.</summary>
public sealed class TemplateSecurityTests
{
    private const string AppImage = "    image: notes-app:1.1.0\n";

    [Fact]
    public void Parse_NoConfinementKeys_DefaultsNoCapabilityImageUserDefaultPids()
    {
        var app = TestTemplates.ParseNotes().Component("app");

        Assert.Empty(app.Security.Capabilities);
        Assert.Empty(app.Security.Tmpfs);
        Assert.Null(app.Security.User);
        Assert.Equal(SecuritySpec.DefaultPidsLimit, app.Security.PidsLimit);
    }

    [Fact]
    public void Parse_ConfinementKeys_Parsed()
    {
        var t = TestTemplates.ParseNotes(WithAppKeys("capabilities: [CHOWN, cap_setuid]", "tmpfs: [/tmp, /var/cache/app]", "user: \"10001:10001\"", "pids: 100"));

        var security = t.Component("app").Security;
        Assert.Equal(["CHOWN", "SETUID"], security.Capabilities);
        Assert.Equal(["/tmp", "/var/cache/app"], security.Tmpfs);
        Assert.Equal("10001:10001", security.User);
        Assert.Equal(100, security.PidsLimit);
    }

    [Theory]
    [InlineData("capabilities: [SYS_ADMIN]", "components.app.capabilities[0]: SYS_ADMIN is not allowed")]
    [InlineData("capabilities: [CHOWN, NET_ADMIN]", "components.app.capabilities[1]: NET_ADMIN is not allowed")]
    [InlineData("capabilities: [ALL]", "components.app.capabilities[0]: ALL is not allowed")]
    [InlineData("capabilities: [CAP_SYS_PTRACE]", "components.app.capabilities[0]: SYS_PTRACE is not allowed")]
    [InlineData("capabilities: [NET_RAW]", "components.app.capabilities[0]: NET_RAW is not allowed")]
    [InlineData("capabilities: [DAC_READ_SEARCH]", "components.app.capabilities[0]: DAC_READ_SEARCH is not allowed")]
    [InlineData("capabilities: [FLY]", "components.app.capabilities[0]: FLY is not a Linux capability")]
    [InlineData("capAdd: [SYS_ADMIN]", "components.app.capAdd[0]: SYS_ADMIN is not allowed")]
    [InlineData("cap_add: [CHOWN]", "components.app.cap_add: is spelled capabilities:")]
    [InlineData("privileged: true", "components.app.privileged: privileged containers are not allowed")]
    [InlineData("network: host", "components.app.network: network: host is not allowed")]
    [InlineData("network_mode: host", "components.app.network_mode: network_mode: host is not allowed")]
    [InlineData("pid: host", "components.app.pid: pid: host is not allowed")]
    [InlineData("ipc: host", "components.app.ipc: ipc: host is not allowed")]
    [InlineData("devices: [/dev/sda]", "components.app.devices: devices are not allowed")]
    [InlineData("securityOpt: [seccomp=unconfined]", "components.app.securityOpt: security options are set by provision")]
    [InlineData("volumes: { /etc: /host-etc }", "components.app.volumes./etc: '/etc' is a path on the engine host")]
    [InlineData("volumes: { ./data: /data }", "components.app.volumes../data: './data' is a path on the engine host")]
    [InlineData("volumes: [\"/srv:/srv\"]", "components.app.volumes[0]: '/srv' is a path on the engine host")]
    [InlineData("volumes: { /var/run/docker.sock: /var/run/docker.sock }", "components.app.volumes./var/run/docker.sock: '/var/run/docker.sock' is the engine's socket")]
    [InlineData("volumes: [\"/var/run/docker.sock:/var/run/docker.sock\"]", "components.app.volumes[0]: '/var/run/docker.sock:/var/run/docker.sock' names the engine's socket")]
    [InlineData("tmpfs: [/run/secrets]", "components.app.tmpfs[0]: /run/secrets is where provision delivers")]
    [InlineData("tmpfs: [tmp]", "components.app.tmpfs[0]: mount path 'tmp' must be absolute")]
    [InlineData("user: \"root; rm\"", "components.app.user: 'root; rm' is not a user")]
    [InlineData("pids: 5", "components.app.pids: must be a whole number of processes")]
    public void Parse_HostileOrInvalidConfinement_RefusedNamingThePath(string line, string expected)
    {
        var e = Assert.Throws<TemplateInvalidException>(() => TestTemplates.ParseNotes(WithAppKeys(line)));

        var text = e.Errors.Select(x => x.ToString()).ToList();
        Assert.Contains(text, x => x.Contains(expected, StringComparison.Ordinal));
        Assert.DoesNotContain(text, x => x.Contains("unknown key", StringComparison.Ordinal));
        Assert.Single(e.Errors);
    }

    [Fact]
    public void Parse_EngineSocketInEnv_RefusedNamingThePath()
    {
        var yaml = TestTemplates.Notes.Replace("HEAP: \"${self.memoryMb}\"", "DOCKER_HOST: \"unix:///var/run/docker.sock\"", StringComparison.Ordinal);

        var e = Assert.Throws<TemplateInvalidException>(() => TestTemplates.ParseNotes(yaml));

        Assert.Contains(e.Errors, x => x.Path == "components.app.env.DOCKER_HOST" && x.Message.Contains("engine's socket", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_HostileKeyInJob_RefusedNamingThePath()
    {
        var yaml = TestTemplates.Notes.Replace(
            "migrate: { component: app, command: [\"/app/notes\", \"migrate\"] }",
            "migrate: { component: app, command: [\"/app/notes\", \"migrate\"], privileged: true }",
            StringComparison.Ordinal);

        var e = Assert.Throws<TemplateInvalidException>(() => TestTemplates.ParseNotes(yaml));

        Assert.Contains(e.Errors, x => x.Path == "jobs.migrate.privileged" && x.Message.Contains("not allowed", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_PrivilegedFalse_Accepted() =>
        Assert.Equal("notes@1.1.0", TestTemplates.ParseNotes(WithAppKeys("privileged: false")).Ref);

    [Fact]
    public void Parse_SeveralHostileKeys_OneErrorEach()
    {
        var e = Assert.Throws<TemplateInvalidException>(() => TestTemplates.ParseNotes(WithAppKeys("privileged: true", "network: host", "capabilities: [SYS_ADMIN, BPF]")));

        Assert.Equal(
            ["components.app.capabilities[0]", "components.app.capabilities[1]", "components.app.network", "components.app.privileged"],
            e.Errors.Select(x => x.Path).Order(StringComparer.Ordinal));
    }

    private static string WithAppKeys(params string[] lines) =>
        TestTemplates.Notes.Replace(AppImage, AppImage + string.Concat(lines.Select(l => $"    {l}\n")), StringComparison.Ordinal);
}
