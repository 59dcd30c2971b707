using Npgsql;

namespace Notes;

/// <summary>The schema, as an ordered list of migrations, and how to read where a database stands.</summary>
internal static class Schema
{
    public static IReadOnlyList<Migration> Migrations { get; } =
    [
        new(1, "1.0.0", "create notes and schema_version",
            """
            create table schema_version (
                version     integer primary key,
                app_version text not null,
                description text not null,
                applied_at  timestamptz not null default now());
            create table notes (
                id         bigserial primary key,
                body       text not null,
                created_at timestamptz not null default now());
            """),
        // Expand-only: 1.0.0 keeps reading and writing notes (a new note gets the default title), so an upgrade from 1.0.0
        // can migrate while 1.0.0 serves. schema_version learns which app versions each step keeps working.
        new(2, "1.1.0", "add notes.title",
            """
            alter table notes add column title text not null default '';
            alter table schema_version add column compatible_from text;
            """,
            CompatibleFrom: "1.0.0"),
    ];

    /// <summary>Number of migrations introduced at or before <paramref name="appVersion"/>.</summary>
    public static int ExpectedVersion(string appVersion)
    {
        var app = Parse(appVersion);
        return Migrations.Count(m => Parse(m.IntroducedIn) <= app);
    }

    /// <summary>Highest applied migration, 0 for an empty database.</summary>
    public static async Task<int> CurrentVersionAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using (var exists = new NpgsqlCommand("select to_regclass('public.schema_version') is not null", connection))
        {
            if (!(bool)(await exists.ExecuteScalarAsync(ct).ConfigureAwait(false))!)
            {
                return 0;
            }
        }

        await using var max = new NpgsqlCommand("select coalesce(max(version), 0) from schema_version", connection);
        return (int)(await max.ExecuteScalarAsync(ct).ConfigureAwait(false))!;
    }

    /// <summary>
    /// Why this app cannot serve a database whose schema is newer than it expects, or null when every newer step recorded
    /// there keeps this app working (its <c>compatible_from</c> is at or before this app's version).
    /// </summary>
    public static async Task<string?> NewerIncompatibilityAsync(NpgsqlConnection connection, int expected, string appVersion, CancellationToken ct)
    {
        await using var newer = new NpgsqlCommand("select version, compatible_from from schema_version where version > $1 order by version", connection);
        newer.Parameters.Add(new NpgsqlParameter<int> { TypedValue = expected });
        await using var reader = await newer.ExecuteReaderAsync(ct).ConfigureAwait(false);
        var app = Parse(appVersion);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            var from = await reader.IsDBNullAsync(1, ct).ConfigureAwait(false) ? null : reader.GetString(1);
            if (from is null || Parse(from) > app)
            {
                return $"migration {reader.GetInt32(0)} does not keep notes {appVersion} working ({(from is null ? "a breaking step" : $"compatible from {from}")})";
            }
        }

        return null;
    }

    private static Version Parse(string version)
    {
        var core = version.Split('-', '+')[0];
        return System.Version.TryParse(core, out var parsed)
            ? parsed
            : throw new InvalidOperationException($"'{version}' is not a version (major.minor.patch)");
    }
}
