using Npgsql;

namespace Tracker;

/// <summary>The schema, as an ordered list of migrations, and how to read where a database stands.</summary>
internal static class Schema
{
    public static IReadOnlyList<Migration> Migrations { get; } =
    [
        new(1, "1.0.0", "create items and schema_version",
            """
            create table schema_version (
                version     integer primary key,
                app_version text not null,
                description text not null,
                applied_at  timestamptz not null default now());
            create table items (
                id                bigserial primary key,
                title             text not null,
                state             text not null default 'queued',
                summary           text,
                attachment_bytes  bigint,
                attachment_sha256 text,
                created_at        timestamptz not null default now());
            create index items_queued on items (id) where state = 'queued';
            """),
        new(2, "2.0.0", "add items.words (word count of the title, set by the worker)",
            "alter table items add column words integer;"),
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

    private static Version Parse(string version)
    {
        var core = version.Split('-', '+')[0];
        return System.Version.TryParse(core, out var parsed)
            ? parsed
            : throw new InvalidOperationException($"'{version}' is not a version (major.minor.patch)");
    }
}
