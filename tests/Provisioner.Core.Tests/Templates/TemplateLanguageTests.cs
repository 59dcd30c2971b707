using Provisioner.Core.Templates;

namespace Provisioner.Core.Tests.Templates;

/// <summary>The template language for products of any shape: kinds, jobs, data, checks, journeys and values.</summary>
public class TemplateLanguageTests
{
    [Fact]
    public void Parse_WorkerQueueAndTwoDataComponents_ReadsEveryPart()
    {
        var t = TestTemplates.ParseTracker();

        Assert.Equal(["db", "queue", "web", "worker"], t.Components.Select(c => c.Name));
        Assert.Equal(ComponentKind.Worker, t.Component("worker").Kind);
        Assert.Equal("web", t.Entry?.Name);
        Assert.Equal(["db", "web"], t.DataComponents.Select(c => c.Name));
        Assert.Equal("/srv/uploads", t.Component("web").Data?["path"]);
        Assert.Equal(new TcpCheckSpec("queue", 6379), t.Component("queue").Health.Single());
        var exec = Assert.IsType<ExecCheckSpec>(t.Component("worker").Health.Single());
        Assert.Equal("worker alive", exec.Expect);
        Assert.Equal([("migrate", JobPhase.Before), ("seed", JobPhase.After)], t.Jobs.Select(j => (j.Name, j.Phase)));
    }

    [Fact]
    public void Parse_Journey_ReadsStepsCapturesAndWaits()
    {
        var journey = TestTemplates.ParseTracker().Journeys["file-an-item"];

        Assert.Equal(2, journey.Steps.Count);
        var post = journey.Steps[0];
        Assert.Equal(("POST", "/api/items", 201), (post.Method, post.Path, post.ExpectStatus));
        Assert.Equal("""{"title":"probe ${random}","attachment":"attached ${random}","count":2}""", post.Body);
        Assert.Equal("$.id", post.Capture["id"]);
        var get = journey.Steps[1];
        Assert.Equal(("$.state", "processed"), get.Until);
        Assert.Equal(TimeSpan.FromSeconds(20), get.Within);
    }

    [Theory]
    [InlineData("/etc:/host-etc", "must be one path inside the container")]
    [InlineData("srv/uploads", "must be absolute")]
    [InlineData("/srv/../etc", "must be clean")]
    [InlineData("/srv/uploads/", "must be clean")]
    [InlineData("/", "would hide the whole image")]
    public void Parse_UncleanVolumePath_IsAnErrorNamingIt(string path, string expected)
    {
        var e = Assert.Throws<TemplateInvalidException>(() => TestTemplates.ParseTracker(TestTemplates.Tracker
            .Replace("volumes: { uploads: /srv/uploads }", $"volumes: {{ uploads: \"{path}\" }}")
            .Replace("data: { kind: archive, path: /srv/uploads }", "")));

        var error = Assert.Single(e.Errors);
        Assert.Equal("components.web.volumes.uploads", error.Path);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Parse_LongRunningComponentWithoutCheck_NamesIt()
    {
        var e = Assert.Throws<TemplateInvalidException>(() => TestTemplates.ParseTracker(TestTemplates.Tracker.Replace("    health: [ { tcp: 6379 } ]\n", "")));

        var error = Assert.Single(e.Errors);
        Assert.Equal("components.queue.health", error.Path);
        Assert.Contains("queue runs all the time, so it needs at least one check", error.Message);
    }

    [Fact]
    public void Parse_EveryKindOfMistake_ReportedAtOnce()
    {
        var yaml = TestTemplates.Tracker
            .Replace("kind: postgres, database: tracker", "kind: mysql, database: tracker")
            .Replace("data: { kind: archive, path: /srv/uploads }", "data: { kind: archive, path: /srv/other }")
            .Replace("\"${queue.host}:${queue.port}\"", "\"${queue.hots}\"")
            .Replace("kind: worker\n", "kind: worker\n    port: 9000\n")
            .Replace("phase: after", "phase: later")
            .Replace("/api/items/${id}", "/api/items/${idd}")
            .Replace("within: 20s", "within: forever");

        var e = Assert.Throws<TemplateInvalidException>(() => TestTemplates.ParseTracker(yaml));

        var text = e.Errors.Select(x => x.ToString()).ToList();
        Assert.Contains(text, x => x.Contains("components.db.data.kind: 'mysql' is not a data kind (known: postgres, archive)"));
        Assert.Contains(text, x => x.Contains("components.db.health[0]: an sql check runs against the component's data"));
        Assert.Contains(text, x => x.Contains("components.web.data.path: '/srv/other' is not a volume of this component (its volumes: /srv/uploads)"));
        Assert.Contains(text, x => x.Contains("components.web.command: [3] ${queue.hots}: a component's values are queue.host and queue.port"));
        Assert.Contains(text, x => x.Contains("components.worker.port: a worker serves no requests"));
        Assert.Contains(text, x => x.Contains("jobs.seed.phase: 'later' is not a phase"));
        Assert.Contains(text, x => x.Contains("${idd} is not known here (built in: random, tenant.name; captured so far: id)"));
        Assert.Contains(text, x => x.Contains("'forever' must be a duration"));
        Assert.All(e.Errors, x => Assert.NotNull(x.Line));
    }

    [Fact]
    public void Parse_SecretAsValueOfAnotherComponent_IsRefused()
    {
        var yaml = TestTemplates.Notes.Replace("\"${secrets.db_password}\"", "\"${secrets.api_key}\"");

        var e = Assert.Throws<TemplateInvalidException>(() => TestTemplates.ParseNotes(yaml));

        Assert.Contains(e.Errors, x => x.Path == "components.app.env.PASSWORD_FILE" && x.Message.Contains("'api_key' is not one of this component's secrets"));
    }

    [Fact]
    public void Parse_HttpCheckOnWorker_JourneyOffEntry_AndTwoEntries_AreErrors()
    {
        var yaml = TestTemplates.Tracker
            .Replace("      - exec: { command: [\"/app/tracker\", \"check-worker\"], expect: \"worker alive\" }", "      - http: { path: /x }")
            .Replace("    port: 6379\n", "    port: 6379\n    entry: true\n");

        var e = Assert.Throws<TemplateInvalidException>(() => TestTemplates.ParseTracker(yaml));

        Assert.Contains(e.Errors, x => x.Path == "components.worker.health[0]" && x.Message.Contains("a worker serves no requests"));
        Assert.Contains(e.Errors, x => x.Message.Contains("only one component can be the tenant's entry (entry: true on queue, web)"));
    }
}
