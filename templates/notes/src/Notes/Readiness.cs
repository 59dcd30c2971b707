using Npgsql;

namespace Notes;

/// <summary>Ready means: the database answers and its schema is exactly the version this app expects.</summary>
internal sealed class Readiness(NpgsqlDataSource dataSource, int expectedSchema)
{
    public async Task<IResult> CheckAsync(CancellationToken ct)
    {
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

        if (schema < expectedSchema)
        {
            return NotReady($"schema at {schema}, expected {expectedSchema}: run migrate", schema);
        }

        if (schema > expectedSchema)
        {
            return NotReady($"schema at {schema}, expected {expectedSchema}: database is newer than notes {AppVersion.Current}", schema);
        }

        return Results.Json(new { status = "ready", schema, version = AppVersion.Current });
    }

    private static IResult NotReady(string reason, int? schema) =>
        Results.Json(
            new { status = "not ready", reason, schema, version = AppVersion.Current },
            statusCode: StatusCodes.Status503ServiceUnavailable);
}
