using System.Net;
using System.Text.Json;
using Provisioner.Core.Health;
using Provisioner.Core.Templates.Journeys;

namespace Provisioner.Core.Tests.Health;

public sealed class JourneyRunnerTests
{
    private static readonly Uri Endpoint = new("http://127.0.0.1:20001");

    private static JourneySpec Journey(string name = "file-an-item") => TestTemplates.ParseTracker().Journeys[name];

    [Fact]
    public async Task Run_WorkerProcessesOnThirdPoll_CapturesAndWaits()
    {
        var polls = 0;
        string? title = null;
        var handler = new FakeHttpHandler((request, body) =>
        {
            if (request.Method == HttpMethod.Post)
            {
                title = JsonDocument.Parse(body).RootElement.GetProperty("title").GetString();
                return (HttpStatusCode.Created, """{"id": 42, "state": "queued"}""");
            }

            return (HttpStatusCode.OK, $$"""{"id": 42, "title": "{{title}}", "state": "{{(++polls >= 3 ? "processed" : "queued")}}"}""");
        });
        var runner = new JourneyRunner(new HttpClient(handler), TimeProvider.System) { PollInterval = TimeSpan.FromMilliseconds(1) };

        var output = await runner.RunAsync(Journey(), Endpoint, "acme", CancellationToken.None);

        Assert.Equal("2 step(s) passed", output);
        Assert.Equal(3, polls);
        Assert.Matches("^probe [0-9a-f]{12}$", title);
        Assert.StartsWith("POST /api/items {\"title\":\"probe ", handler.Requests[0]);
        Assert.All(handler.Requests.Skip(1), r => Assert.Equal("GET /api/items/42", r));
    }

    [Fact]
    public async Task Run_NeverProcessed_FailsAfterWithinNamingTheStepAndValue()
    {
        var time = new ManualClock();
        var handler = new FakeHttpHandler((request, _) => request.Method == HttpMethod.Post
            ? (HttpStatusCode.Created, """{"id": 7}""")
            : (HttpStatusCode.OK, """{"state": "queued"}"""));
        var runner = new JourneyRunner(new HttpClient(handler), time) { PollInterval = TimeSpan.FromSeconds(5) };

        var e = await Assert.ThrowsAsync<JourneyFailedException>(() => runner.RunAsync(Journey(), Endpoint, "acme", CancellationToken.None));

        Assert.Equal("step 2 (GET /api/items/7): $.state was 'queued', still not 'processed' after 20 s", e.Message);
    }

    [Fact]
    public async Task Run_WrongStatus_NamesTheStepAndWhatCameBack()
    {
        var handler = new FakeHttpHandler((_, _) => (HttpStatusCode.ServiceUnavailable, """{"error": "database unavailable"}"""));
        var runner = new JourneyRunner(new HttpClient(handler), TimeProvider.System);

        var e = await Assert.ThrowsAsync<JourneyFailedException>(() => runner.RunAsync(Journey(), Endpoint, "acme", CancellationToken.None));

        Assert.StartsWith("step 1 (POST /api/items): expected 201, got 503", e.Message);
    }

    [Fact]
    public async Task Run_ReadBackDiffers_FailsOnTheJsonExpectation()
    {
        var journey = TestTemplates.ParseNotes().Journeys["notes-roundtrip"];
        var handler = new FakeHttpHandler((request, _) => request.Method == HttpMethod.Post
            ? (HttpStatusCode.Created, """{"id": 1}""")
            : (HttpStatusCode.OK, """{"id": 1, "body": "someone else's note"}"""));
        var runner = new JourneyRunner(new HttpClient(handler), TimeProvider.System);

        var e = await Assert.ThrowsAsync<JourneyFailedException>(() => runner.RunAsync(journey, Endpoint, "acme", CancellationToken.None));

        Assert.Matches(@"^step 2 \(GET /api/notes/1\): expected \$\.body to be 'probe [0-9a-f]{12}', it is 'someone else's note'$", e.Message);
    }

    [Fact]
    public async Task Run_ValueWithQuotes_IsEscapedInsideTheJsonBody()
    {
        var journey = JourneyParserFixture.Parse("""
            - post: /api/notes
              json: { body: "${tenant.name}" }
              expect: 201
            """);
        var handler = new FakeHttpHandler((_, _) => (HttpStatusCode.Created, "{}"));

        await new JourneyRunner(new HttpClient(handler), TimeProvider.System).RunAsync(journey, Endpoint, "a\"b", CancellationToken.None);

        Assert.Equal("POST /api/notes {\"body\":\"a\\u0022b\"}", handler.Requests.Single());
    }
}
