using Npgsql;

namespace Notes;

/// <summary>
/// Ready means: the database answers and its schema is the version this app expects, or a newer one whose every newer
/// step keeps this app working (an expand-only migration, run while this version still serves).
/// </summary>
internal sealed class Readiness(NpgsqlDataSource dataSource, int expectedSchema)
{
    public async Task<IResult> CheckAsync(CancellationToken ct)
    {
        int schema;
        string? incompatible = null;
        try
        {
            await using var connection = await Database.OpenAsync(dataSource, ct).ConfigureAwait(false);
            schema = await Schema.CurrentVersionAsync(connection, ct).ConfigureAwait(false);
            if (schema > expectedSchema)
            {
                incompatible = await Schema.NewerIncompatibilityAsync(connection, expectedSchema, AppVersion.Current, ct).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            return NotReady($"database unavailable: {Errors.Describe(e)}", schema: null);
        }

        if (schema < expectedSchema)
        {
            return NotReady($"schema at {schema}, expected {expectedSchema}: run migrate", schema);
        }

        if (incompatible is not null)
        {
            return NotReady($"schema at {schema}, expected {expectedSchema}: database is newer than notes {AppVersion.Current}: {incompatible}", schema);
        }

        return Results.Json(new { status = "ready", schema, version = AppVersion.Current });
    }

    private static IResult NotReady(string reason, int? schema) =>
        Results.Json(
            new { status = "not ready", reason, schema, version = AppVersion.Current },
            statusCode: StatusCodes.Status503ServiceUnavailable);
}
