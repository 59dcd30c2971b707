using Npgsql;

namespace Notes;

/// <summary>
/// Builds the pooled data source. The password is read from the secret file whenever a physical connection opens, and
/// <see cref="OpenAsync"/> retries a connection the server refuses for its password for a few seconds (re-reading the
/// file each time): during a password rotation (<c>provision rotate</c>) the role's new password is set before the new
/// file lands, and a request in that window waits instead of failing. Connections already open keep working.
/// </summary>
internal static class Database
{
    public static NpgsqlDataSource Create(NotesSettings settings)
    {
        var csb = new NpgsqlConnectionStringBuilder
        {
            Host = settings.DbHost,
            Port = settings.DbPort,
            Database = settings.DbName,
            Username = settings.DbUser,
            Pooling = true,
            MaxPoolSize = 20,
            Timeout = 5,
            CommandTimeout = 5,
            ApplicationName = "notes",
        };
        var builder = new NpgsqlDataSourceBuilder(csb.ConnectionString);
        builder.UsePasswordProvider(
            _ => ReadPassword(settings.PasswordFile),
            (_, _) => ValueTask.FromResult(ReadPassword(settings.PasswordFile)));
        return builder.Build();
    }

    /// <summary>How long a connection refused for its password (SQLSTATE 28P01) is retried: the rotation window is well under a second.</summary>
    private static readonly TimeSpan PasswordRetryWindow = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan PasswordRetryDelay = TimeSpan.FromMilliseconds(100);

    /// <summary>The second (of the process's uptime) a refusal was last logged in: at most one line a second.</summary>
    private static long _lastRefusalLogged = -1;

    /// <summary>Opens a pooled connection; one refused for its password is retried for <see cref="PasswordRetryWindow"/>.</summary>
    public static async Task<NpgsqlConnection> OpenAsync(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + PasswordRetryWindow;
        while (true)
        {
            try
            {
                return await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidPassword && DateTime.UtcNow < deadline)
            {
                if (Interlocked.Exchange(ref _lastRefusalLogged, Environment.TickCount64 / 1000) != Environment.TickCount64 / 1000)
                {
                    Console.WriteLine("database refused the password (28P01): retrying with the password file read again");
                }

                await Task.Delay(PasswordRetryDelay, ct).ConfigureAwait(false);
            }
        }
    }

    private static string ReadPassword(string path)
    {
        string content;
        try
        {
            content = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"cannot read password file {path}", e);
        }

        var password = content.TrimEnd('\r', '\n');
        return password.Length > 0 ? password : throw new InvalidOperationException($"password file {path} is empty");
    }
}
