using Provisioner.Core.Data;
using Provisioner.Core.Templates;
using Provisioner.Core.Tests.Fakes;
using Provisioner.Core.Upgrades;

namespace Provisioner.Core.Tests.Upgrades;

/// <summary>
/// Which upgrades may be quiet: every migration of the new version marked compatible with the running version
/// (<c>compatibleWith:</c>), no data of files (copied only with its writers stopped), and a backend that can run the
/// new version beside the old one; and how the template states it.
/// </summary>
public sealed class QuietUpgradeChoiceTests
{
    private static readonly string Compatible = TestTemplates.Notes.Replace(
        "migrate: { component: app, command: [\"/app/notes\", \"migrate\"] }",
        "migrate: { component: app, command: [\"/app/notes\", \"migrate\"], compatibleWith: [1.0.0, 1.0.1] }",
        StringComparison.Ordinal);

    private readonly InMemoryBackend _backend = new();

    [Fact]
    public void Parse_CompatibleWith_ListsTheVersions()
    {
        var job = TestTemplates.ParseNotes(Compatible).Jobs.Single();

        Assert.Equal(["1.0.0", "1.0.1"], job.CompatibleWith.Select(v => v.ToNormalizedString()));
        Assert.Empty(TestTemplates.ParseNotes().Jobs.Single().CompatibleWith);
    }

    [Theory]
    [InlineData("compatibleWith: [1.0.0, 1.0.1]", "compatibleWith: [1.0]", "jobs.migrate.compatibleWith: [0] '1.0' is not a version (major.minor.patch)")]
    [InlineData("compatibleWith: [1.0.0, 1.0.1] }", "compatibleWith: [1.0.0], phase: after }", "only a job of the before phase (a migration) can keep a running version working")]
    public void Parse_BadCompatibleWith_IsRefusedNamingThePath(string find, string replace, string expected)
    {
        var e = Assert.Throws<TemplateInvalidException>(() => TestTemplates.ParseNotes(Compatible.Replace(find, replace, StringComparison.Ordinal)));

        Assert.Contains(e.Errors, x => x.ToString().Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void WhyNot_CompatibleMigrationOnABackendWithoutASwitch_NamesTheBackend()
    {
        var why = QuietUpgrade.WhyNot(Notes("1.0.0"), TestTemplates.ParseNotes(Compatible), Data(), _backend);

        Assert.Equal("the memory backend has no quiet upgrade", why);
    }

    [Fact]
    public void WhyNot_MigrationNotMarkedForTheRunningVersion_NamesTheMigration()
    {
        Assert.Equal(
            "its migration 'migrate' is not marked compatible with 1.0.2 (compatibleWith)",
            QuietUpgrade.WhyNot(Notes("1.0.2"), TestTemplates.ParseNotes(Compatible), Data(), _backend));
        Assert.Equal(
            "its migration 'migrate' is not marked compatible with 1.0.0 (compatibleWith)",
            QuietUpgrade.WhyNot(Notes("1.0.0"), TestTemplates.ParseNotes(), Data(), _backend));
    }

    [Fact]
    public void WhyNot_FileData_IsCopiedWithItsWritersStopped()
    {
        var tracker = TestTemplates.Tracker.Replace(
            "migrate: { component: web, command: [\"/app/tracker\", \"migrate\"], phase: before }",
            "migrate: { component: web, command: [\"/app/tracker\", \"migrate\"], phase: before, compatibleWith: [2.0.0] }",
            StringComparison.Ordinal);

        var why = QuietUpgrade.WhyNot(TestTemplates.ParseTracker(), TestTemplates.TrackerAt("2.1.0", tracker), Data(), _backend);

        Assert.NotNull(why);
        Assert.EndsWith("hold files, which are copied with their writers stopped", why, StringComparison.Ordinal);
    }

    private static ProductTemplate Notes(string version) =>
        TemplateParser.Parse($"templates/notes/{version}/template.yaml", TestTemplates.Notes.Replace("version: 1.1.0", $"version: {version}", StringComparison.Ordinal), TestTemplates.Rules, version);

    private TenantData Data() => new(new DataAdapters([new FakeDataAdapter("postgres", servesData: true), new FakeDataAdapter("archive", servesData: false)]), _backend, TimeProvider.System);
}
