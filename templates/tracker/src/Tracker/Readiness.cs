using Npgsql;
using Tracker.Redis;

namespace Tracker;

/// <summary>
/// Ready means: the database answers and its schema is exactly the version this app expects, Redis answers PING,
/// and the uploads directory exists.
/// </summary>
internal sealed class Readiness(NpgsqlDataSource dataSource, RedisLink queue, Uploads uploads, SchemaFeatures features)
{
    public async Task<IResult> CheckAsync(CancellationToken ct)
    {
        var expected = features.Schema;
        int schema;
        try
        {
            await using var connection = await Database.OpenAsync(dataSource, ct).ConfigureAwait(false);
            schema = await Schema.CurrentVersionAsync(connection, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            return NotReady($"database unavailable: {Errors.Describe(e)}", schema: null);
        }

        if (schema < expected)
        {
            return NotReady($"schema at {schema}, expected {expected}: run migrate", schema);
        }

        if (schema > expected)
        {
            return NotReady($"schema at {schema}, expected {expected}: database is newer than tracker {AppVersion.Current}", schema);
        }

        try
        {
            await queue.UseAsync(async (redis, token) =>
            {
                await redis.PingAsync(token).ConfigureAwait(false);
                return true;
            }, ct).ConfigureAwait(false);
        }
        catch (RedisException e)
        {
            return NotReady($"queue unavailable: {e.Message}", schema);
        }

        if (!uploads.RootExists)
        {
            return NotReady($"uploads directory {uploads.Root} does not exist", schema);
        }

        return Results.Json(new { status = "ready", schema, version = AppVersion.Current });
    }

    private static IResult NotReady(string reason, int? schema) =>
        Results.Json(
            new { status = "not ready", reason, schema, version = AppVersion.Current },
            statusCode: StatusCodes.Status503ServiceUnavailable);
}
