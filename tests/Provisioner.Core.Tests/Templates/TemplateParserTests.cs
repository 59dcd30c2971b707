using Provisioner.Core.Templates;

namespace Provisioner.Core.Tests.Templates;

public class TemplateParserTests
{
    [Fact]
    public void Parse_ValidTemplate_OrdersComponentsByDependency()
    {
        var t = TestTemplates.ParseNotes();

        Assert.Equal("notes@1.1.0", t.Ref);
        Assert.Equal(["db", "app"], t.Components.Select(c => c.Name));
        Assert.Equal("app", t.Entry?.Name);
        Assert.Equal(512L << 20, t.Sizes["small"].MemoryBytes);
        Assert.Equal("small", t.DefaultSize);
        Assert.Equal(["/app/notes", "migrate"], t.Jobs.Single().Command);
        Assert.Equal(JobPhase.Before, t.Jobs.Single().Phase);
        Assert.Equal("postgres", t.Component("db").Data?.Kind);
        Assert.Equal(["db"], t.DataComponents.Select(c => c.Name));
        Assert.IsType<SqlCheckSpec>(t.Component("db").Health[0]);
    }

    [Fact]
    public void Parse_ManyProblems_ReportsEveryOneWithFileAndPath()
    {
        var yaml = TestTemplates.Notes
            .Replace("port: 8080", "port: 70000")
            .Replace("memory: 512Mi", "memory: lots")
            .Replace("dependsOn: [db]", "dependsOn: [cache]")
            .Replace("journey: notes-roundtrip", "journey: checkout")
            .Replace("image: notes-app:1.1.0", "imagee: notes-app:1.1.0");

        var e = Assert.Throws<TemplateInvalidException>(() => TestTemplates.ParseNotes(yaml));

        var text = e.Errors.Select(x => x.ToString()).ToList();
        Assert.Contains(text, x => x.Contains("components.app.port: must be a port number, 1-65535"));
        Assert.Contains(text, x => x.Contains("sizes.small.memory: 'lots' is not a quantity"));
        Assert.Contains(text, x => x.Contains("components.app.dependsOn: 'cache' is not a component"));
        Assert.Contains(text, x => x.Contains("journey 'checkout' is not declared (journeys: notes-roundtrip)"));
        Assert.Contains(text, x => x.Contains("components.app.imagee: unknown key"));
        Assert.Contains(text, x => x.Contains("components.app.image: is required"));
        Assert.All(e.Errors, x => Assert.Equal("templates/notes/1.1.0/template.yaml", x.File));
    }

    [Fact]
    public void Parse_YamlSyntaxError_NamesFileAndLine()
    {
        var e = Assert.Throws<TemplateInvalidException>(() => TestTemplates.ParseNotes("product: notes\nsizes: [small\n"));

        Assert.Single(e.Errors);
        Assert.Contains("YAML syntax error", e.Message);
        Assert.NotNull(e.Errors[0].Line);
    }

    [Fact]
    public void Parse_VersionNotMatchingFolder_IsAnError()
    {
        var e = Assert.Throws<TemplateInvalidException>(() => TemplateParser.Parse("t.yaml", TestTemplates.Notes, TestTemplates.Rules, "1.0.0"));

        Assert.Contains(e.Errors, x => x.Path == "version" && x.Message.Contains("does not match its folder"));
    }

    [Fact]
    public void Parse_DependencyCycle_IsAnError()
    {
        var yaml = TestTemplates.Notes.Replace("    image: provisioner/postgres:15", "    image: provisioner/postgres:15\n    dependsOn: [app]");

        var e = Assert.Throws<TemplateInvalidException>(() => TestTemplates.ParseNotes(yaml));

        Assert.Contains(e.Errors, x => x.Message.Contains("cycle: db -> app -> db") || x.Message.Contains("cycle: app -> db -> app"));
    }

    [Fact]
    public void Parse_UndeclaredSecret_IsAnError()
    {
        var e = Assert.Throws<TemplateInvalidException>(() => TestTemplates.ParseNotes(TestTemplates.Notes.Replace("secrets: [db_password]\ncomponents", "secrets: []\ncomponents")));

        Assert.Contains(e.Errors, x => x.Message.Contains("'db_password' is not declared"));
    }

    [Fact]
    public void Parse_ComponentOrVolumeNamesThatCouldCollide_AreErrors()
    {
        var yaml = TestTemplates.Notes.Replace("  db:\n", "  db-x:\n").Replace("[db]", "[db-x]").Replace("{ data: /var", "{ my-data: /var");

        var e = Assert.Throws<TemplateInvalidException>(() => TestTemplates.ParseNotes(yaml));

        Assert.Contains(e.Errors, x => x.Path == "components.db-x" && x.Message.Contains("lowercase letters and digits"));
        Assert.Contains(e.Errors, x => x.Path == "components.db-x.volumes.my-data");
    }

    [Theory]
    [InlineData("512Mi", 512L << 20)]
    [InlineData("2Gi", 2L << 30)]
    [InlineData("1G", 1_000_000_000L)]
    [InlineData("1.5Gi", 3L << 29)]
    public void TryParseBytes_KnownUnits_Parse(string text, long expected)
    {
        Assert.True(Quantity.TryParseBytes(text, out var bytes));
        Assert.Equal(expected, bytes);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-1Gi")]
    [InlineData("lots")]
    [InlineData("0")]
    public void TryParseBytes_Garbage_IsRejected(string text) => Assert.False(Quantity.TryParseBytes(text, out _));
}
