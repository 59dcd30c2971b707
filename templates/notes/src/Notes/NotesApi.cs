namespace Notes;

/// <summary>The HTTP surface: probes, version and the notes API.</summary>
internal static class NotesApi
{
    public static void Map(WebApplication app, int expectedSchema)
    {
        app.MapGet("/healthz", () => Results.Text("ok"));
        app.MapGet("/readyz", (Readiness readiness, CancellationToken ct) => readiness.CheckAsync(ct));
        app.MapGet("/version", () => Results.Json(new { version = AppVersion.Current, schema = expectedSchema }));

        var notes = app.MapGroup("/api/notes");
        notes.MapPost("/", async (NoteInput? input, NoteStore store, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(input?.Body))
            {
                return Results.Json(new { error = "body is required" }, statusCode: StatusCodes.Status400BadRequest);
            }

            var note = await store.CreateAsync(input.Body, input.Title, ct).ConfigureAwait(false);
            return Results.Json(note, statusCode: StatusCodes.Status201Created);
        });
        notes.MapGet("/", async (NoteStore store, CancellationToken ct) =>
            Results.Json(await store.ListAsync(ct).ConfigureAwait(false)));
        notes.MapGet("/{id:long}", async (long id, NoteStore store, CancellationToken ct) =>
            await store.GetAsync(id, ct).ConfigureAwait(false) is { } note ? Results.Json(note) : Results.NotFound());
        notes.MapDelete("/{id:long}", async (long id, NoteStore store, CancellationToken ct) =>
            await store.DeleteAsync(id, ct).ConfigureAwait(false) ? Results.NoContent() : Results.NotFound());
    }
}
