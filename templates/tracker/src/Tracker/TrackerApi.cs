namespace Tracker;

/// <summary>The HTTP surface: probes, version and the items API.</summary>
internal static class TrackerApi
{
    private const int MaxTitleLength = 500;
    private const int MaxAttachmentBytes = 10 * 1024 * 1024;

    public static void Map(WebApplication app, TrackerSettings settings, SchemaFeatures features)
    {
        app.MapGet("/healthz", () => Results.Text("ok"));
        app.MapGet("/readyz", (Readiness readiness, CancellationToken ct) => readiness.CheckAsync(ct));
        app.MapGet("/version", () => Results.Json(new { version = AppVersion.Current, schema = features.Schema, publicUrl = settings.PublicUrl }));

        var items = app.MapGroup("/api/items");
        items.MapPost("/", async (ItemInput? input, ItemService service, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(input?.Title))
            {
                return BadRequest("title is required");
            }

            if (input.Title.Length > MaxTitleLength)
            {
                return BadRequest($"title is longer than {MaxTitleLength} characters");
            }

            if (input.Attachment is { } text && System.Text.Encoding.UTF8.GetByteCount(text) > MaxAttachmentBytes)
            {
                return BadRequest($"attachment is larger than {MaxAttachmentBytes} bytes");
            }

            var item = await service.FileAsync(input.Title, input.Attachment, ct).ConfigureAwait(false);
            return Results.Json(ItemJson.From(item, features), statusCode: StatusCodes.Status201Created);
        });
        items.MapGet("/", async (ItemStore store, CancellationToken ct) =>
            Results.Json((await store.ListAsync(ct).ConfigureAwait(false)).Select(i => ItemJson.From(i, features)).ToList()));
        items.MapGet("/{id:long}", async (long id, ItemStore store, CancellationToken ct) =>
            await store.GetAsync(id, ct).ConfigureAwait(false) is { } item ? Results.Json(ItemJson.From(item, features)) : NotFound("no such item"));
        items.MapGet("/{id:long}/attachment", async (long id, ItemStore store, Uploads uploads, CancellationToken ct) =>
        {
            var item = await store.GetAsync(id, ct).ConfigureAwait(false);
            if (item?.Attachment is null)
            {
                return NotFound(item is null ? "no such item" : "the item has no attachment");
            }

            return uploads.Open(id) is { } content
                ? Results.Stream(content, "text/plain; charset=utf-8")
                : NotFound("the item's attachment file is missing from the uploads volume");
        });
        items.MapDelete("/{id:long}", async (long id, ItemService service, CancellationToken ct) =>
            await service.DeleteAsync(id, ct).ConfigureAwait(false) ? Results.NoContent() : NotFound("no such item"));
    }

    private static IResult BadRequest(string error) => Results.Json(new { error }, statusCode: StatusCodes.Status400BadRequest);

    private static IResult NotFound(string error) => Results.Json(new { error }, statusCode: StatusCodes.Status404NotFound);
}
