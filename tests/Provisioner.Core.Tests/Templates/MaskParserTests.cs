using Provisioner.Core.Templates;

namespace Provisioner.Core.Tests.Templates;

/// <summary><c>data.mask</c>: SQL on a kind that answers queries; everything else refused with the path.</summary>
public sealed class MaskParserTests
{
    private const string Plain = "data: { kind: postgres, database: notes }";

    [Fact]
    public void Parse_SqlMask_OnTheDataSpec()
    {
        var t = TestTemplates.ParseNotes(TestTemplates.Notes.Replace(Plain, "data: { kind: postgres, database: notes, mask: { sql: \"update notes set body = 'x'\" } }"));

        Assert.Equal("update notes set body = 'x'", t.Component("db").Data!.Mask?.Sql);
        Assert.Equal("notes", t.Component("db").Data!["database"]);
    }

    [Fact]
    public void Parse_CommandMask_OnTheDataSpec()
    {
        var t = TestTemplates.ParseNotes(TestTemplates.Notes.Replace(Plain, "data: { kind: postgres, database: notes, mask: { command: [psql, -f, /mask.sql] } }"));

        var mask = t.Component("db").Data!.Mask!;
        Assert.Null(mask.Sql);
        Assert.Equal(["psql", "-f", "/mask.sql"], mask.Command);
    }

    [Fact]
    public void Parse_NoMask_Null()
    {
        Assert.Null(TestTemplates.ParseNotes().Component("db").Data!.Mask);
    }

    [Theory]
    [InlineData("mask: \"update notes set body = 'x'\"", "components.db.data.mask: must be a mapping")]
    [InlineData("mask: { script: [sh] }", "components.db.data.mask.script: unknown key (allowed: sql, command)")]
    [InlineData("mask: { sql: \"  \" }", "components.db.data.mask.sql: must be SQL, not blank")]
    [InlineData("mask: {}", "components.db.data.mask: needs sql: \"...\" or command: [...]")]
    [InlineData("mask: { sql: \"delete from notes\", command: [sh] }", "components.db.data.mask: give sql or command, not both")]
    [InlineData("mask: { command: [] }", "components.db.data.mask.command: must be a list of words")]
    [InlineData("mask: { command: \"sh -c x\" }", "components.db.data.mask.command: must be a list")]
    public void Parse_BadMask_ErrorNamesThePath(string mask, string expected)
    {
        var e = Assert.Throws<TemplateInvalidException>(() => TestTemplates.ParseNotes(TestTemplates.Notes.Replace(Plain, $"data: {{ kind: postgres, database: notes, {mask} }}")));

        Assert.Contains(e.Errors, x => x.ToString().Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_SqlMaskOnFiles_RefusedKindAnswersNoQueries()
    {
        var yaml = TestTemplates.Tracker.Replace("data: { kind: archive, path: /srv/uploads }", "data: { kind: archive, path: /srv/uploads, mask: { sql: \"delete from x\" } }");

        var e = Assert.Throws<TemplateInvalidException>(() => TestTemplates.ParseTracker(yaml));

        Assert.Contains(e.Errors, x => x.ToString().Contains("mask.sql: a sql mask runs on a copy of the data, which must be of a kind that answers queries ('archive' does not)", StringComparison.Ordinal));
    }
}
