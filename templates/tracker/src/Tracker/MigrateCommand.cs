using System.Diagnostics;
using Npgsql;

namespace Tracker;

/// <summary>
/// <c>tracker migrate</c>: waits for the database, takes an advisory lock, applies pending migrations up to
/// the app's expected version. Idempotent. Prints exactly one line: the outcome (stdout, exit 0) or the failure (stderr, exit 1).
/// </summary>
internal static class MigrateCommand
{
    private static readonly TimeSpan WaitForDatabase = TimeSpan.FromSeconds(30);
    private const int MigrationTimeoutSeconds = 300;
    private const long LockKey = 0x747261636b6572; // "tracker": serialises concurrent migrate runs

    public static async Task<int> RunAsync(TrackerSettings settings, CancellationToken ct)
    {
        var expected = Schema.ExpectedVersion(AppVersion.Current);
        try
        {
            await using var dataSource = Database.Create(settings, "migrate");
            var waited = Stopwatch.StartNew();
            await using var connection = await ConnectAsync(dataSource, ct).ConfigureAwait(false);
            var waitedNote = waited.Elapsed > TimeSpan.FromSeconds(1) ? $", after waiting {waited.Elapsed.TotalSeconds:0.0} s for the database" : "";
            await ExecuteAsync(connection, $"select pg_advisory_lock({LockKey})", ct).ConfigureAwait(false);

            var current = await Schema.CurrentVersionAsync(connection, ct).ConfigureAwait(false);
            if (current == expected)
            {
                Console.WriteLine($"schema at version {current}, nothing to do (tracker {AppVersion.Current}{waitedNote})");
                return 0;
            }

            if (current > expected)
            {
                Console.Error.WriteLine(
                    $"migrate failed: schema at version {current} is newer than tracker {AppVersion.Current} expects ({expected}); restore a backup to go back");
                return 1;
            }

            var applied = new List<string>();
            foreach (var migration in Schema.Migrations.Where(m => m.Version > current && m.Version <= expected))
            {
                applied.Add(await ApplyAsync(connection, migration, ct).ConfigureAwait(false));
            }

            Console.WriteLine(
                $"schema at version {expected} (was {current}), tracker {AppVersion.Current}{waitedNote}: applied {string.Join("; ", applied)}");
            return 0;
        }
        catch (Exception e)
        {
            // A command's last line of defence: one line on stderr, exit 1, no stack trace.
            Console.Error.WriteLine($"migrate failed: {Errors.Describe(e)}");
            return 1;
        }
    }

    private static async Task<NpgsqlConnection> ConnectAsync(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return await Database.OpenAsync(dataSource, ct).ConfigureAwait(false);
            }
            catch (NpgsqlException e) when (Database.IsUnavailable(e) && clock.Elapsed < WaitForDatabase)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500), ct).ConfigureAwait(false);
            }
        }
    }

    private static async Task<string> ApplyAsync(NpgsqlConnection connection, Migration migration, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        await using var tx = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        await using (var apply = new NpgsqlCommand(migration.Sql, connection, tx) { CommandTimeout = MigrationTimeoutSeconds })
        {
            await apply.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }

        await using (var record = new NpgsqlCommand(
            "insert into schema_version (version, app_version, description) values ($1, $2, $3)", connection, tx))
        {
            record.Parameters.Add(new NpgsqlParameter<int> { TypedValue = migration.Version });
            record.Parameters.Add(new NpgsqlParameter<string> { TypedValue = AppVersion.Current });
            record.Parameters.Add(new NpgsqlParameter<string> { TypedValue = migration.Description });
            await record.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }

        await tx.CommitAsync(ct).ConfigureAwait(false);
        return $"{migration.Version} ({migration.Description}, from {migration.IntroducedIn}) in {clock.ElapsedMilliseconds} ms";
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = MigrationTimeoutSeconds };
        await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }
}
