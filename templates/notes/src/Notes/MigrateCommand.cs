using System.Diagnostics;
using Npgsql;

namespace Notes;

/// <summary><c>notes migrate</c>: waits for the database, applies pending migrations up to the app's expected version. Idempotent.</summary>
internal static class MigrateCommand
{
    private static readonly TimeSpan WaitForDatabase = TimeSpan.FromSeconds(30);
    private const int MigrationTimeoutSeconds = 300;
    private const long LockKey = 0x6e6f746573; // "notes": serialises concurrent migrate runs

    public static async Task<int> RunAsync(NotesSettings settings, CancellationToken ct)
    {
        var expected = Schema.ExpectedVersion(AppVersion.Current);
        try
        {
            await using var dataSource = Database.Create(settings);
            await using var connection = await ConnectAsync(dataSource, settings, ct).ConfigureAwait(false);
            await ExecuteAsync(connection, $"select pg_advisory_lock({LockKey})", ct).ConfigureAwait(false);

            var current = await Schema.CurrentVersionAsync(connection, ct).ConfigureAwait(false);
            if (current == expected)
            {
                Console.WriteLine($"schema at version {current}, nothing to do (notes {AppVersion.Current})");
                return 0;
            }

            if (current > expected && await Schema.NewerIncompatibilityAsync(connection, expected, AppVersion.Current, ct).ConfigureAwait(false) is null)
            {
                Console.WriteLine($"schema at version {current}, newer than notes {AppVersion.Current} expects ({expected}) and compatible with it: nothing to do");
                return 0;
            }

            if (current > expected)
            {
                Console.Error.WriteLine(
                    $"migrate failed: schema at version {current} is newer than notes {AppVersion.Current} expects ({expected}); restore a backup to go back");
                return 1;
            }

            foreach (var migration in Schema.Migrations.Where(m => m.Version > current && m.Version <= expected))
            {
                await ApplyAsync(connection, migration, ct).ConfigureAwait(false);
            }

            Console.WriteLine($"schema at version {expected} (was {current}), notes {AppVersion.Current}");
            return 0;
        }
        catch (Exception e)
        {
            // A command's last line of defence: one line on stderr, exit 1, no stack trace.
            Console.Error.WriteLine($"migrate failed: {Errors.Describe(e)}");
            return 1;
        }
    }

    private static async Task<NpgsqlConnection> ConnectAsync(NpgsqlDataSource dataSource, NotesSettings settings, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var attempt = 0;
        while (true)
        {
            attempt++;
            try
            {
                return await Database.OpenAsync(dataSource, ct).ConfigureAwait(false);
            }
            catch (NpgsqlException e) when (IsWorthRetrying(e) && clock.Elapsed < WaitForDatabase)
            {
                if (attempt == 1)
                {
                    Console.WriteLine($"waiting for database {settings.DbHost}:{settings.DbPort} ({Errors.Describe(e)})");
                }

                await Task.Delay(TimeSpan.FromMilliseconds(500), ct).ConfigureAwait(false);
            }
        }
    }

    // Not reachable yet, or still starting up ("the database system is starting up"). Bad credentials are final.
    private static bool IsWorthRetrying(NpgsqlException e) =>
        e is PostgresException pg ? pg.SqlState == PostgresErrorCodes.CannotConnectNow : e.IsTransient || e.InnerException is System.Net.Sockets.SocketException;

    private static async Task ApplyAsync(NpgsqlConnection connection, Migration migration, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        await using var tx = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        await using (var apply = new NpgsqlCommand(migration.Sql, connection, tx) { CommandTimeout = MigrationTimeoutSeconds })
        {
            await apply.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }

        // schema_version has compatible_from from migration 2 on.
        var insert = migration.Version >= 2
            ? "insert into schema_version (version, app_version, description, compatible_from) values ($1, $2, $3, $4)"
            : "insert into schema_version (version, app_version, description) values ($1, $2, $3)";
        await using (var record = new NpgsqlCommand(insert, connection, tx))
        {
            record.Parameters.Add(new NpgsqlParameter<int> { TypedValue = migration.Version });
            record.Parameters.Add(new NpgsqlParameter<string> { TypedValue = AppVersion.Current });
            record.Parameters.Add(new NpgsqlParameter<string> { TypedValue = migration.Description });
            if (migration.Version >= 2)
            {
                record.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = migration.CompatibleFrom });
            }
            await record.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }

        await tx.CommitAsync(ct).ConfigureAwait(false);
        Console.WriteLine(
            $"applied migration {migration.Version} (introduced in {migration.IntroducedIn}): {migration.Description} in {clock.ElapsedMilliseconds} ms");
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = MigrationTimeoutSeconds };
        await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }
}
