using System.Text.RegularExpressions;
using Npgsql;
using Provisioner.Core.Errors;

namespace Provisioner.Registry.Postgres;

/// <summary>
/// Turns <c>postgres://user:password@host:port/database?sslmode=require</c> into Npgsql's connection string. A wrong URL is
/// one bad-input line naming where it came from (<paramref name="source"/>: the variable or the file and key), with the
/// password masked.
/// </summary>
internal static partial class PostgresUrl
{
    public const string Example = "postgres://user:password@host:5432/database";

    private static readonly string[] Parameters = ["sslmode", "connect_timeout", "application_name", "host"];

    public static bool IsPostgres(string value) =>
        value.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase);

    public static PostgresLocation Parse(string value, string source)
    {
        var text = value.Trim();
        if (!IsPostgres(text) || !Uri.TryCreate(text, UriKind.Absolute, out var uri))
        {
            throw Bad(source, text, "is not a PostgreSQL URL");
        }

        var query = Query(uri.Query, source, text);
        var database = Uri.UnescapeDataString(uri.AbsolutePath.Trim('/'));
        if (database.Length == 0 || database.Contains('/'))
        {
            throw Bad(source, text, "names no database");
        }

        var host = query.TryGetValue("host", out var socket) ? socket : uri.Host.Trim('[', ']');
        if (host.Length == 0)
        {
            throw Bad(source, text, "names no host");
        }

        var port = uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port;
        var (user, password) = Credentials(uri.UserInfo);
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = host,
            Port = port,
            Database = database,
            // Sessions carry the process, so pg_stat_activity shows an administrator (and a refusal) who holds what.
            ApplicationName = query.GetValueOrDefault("application_name", $"provision pid {Environment.ProcessId}@{Environment.MachineName}"),
            Timeout = 15,
            CommandTimeout = 30,
            IncludeErrorDetail = false,
        };
        if (user is not null)
        {
            builder.Username = user;
        }

        if (password is not null)
        {
            builder.Password = password;
        }

        if (query.TryGetValue("sslmode", out var ssl))
        {
            builder.SslMode = Enum.TryParse<SslMode>(ssl.Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out var mode)
                ? mode
                : throw Bad(source, text, $"has sslmode={ssl} (expected disable, allow, prefer, require, verify-ca or verify-full)");
        }

        if (query.TryGetValue("connect_timeout", out var timeout))
        {
            builder.Timeout = int.TryParse(timeout, out var seconds) && seconds is > 0 and <= 1024
                ? seconds
                : throw Bad(source, text, $"has connect_timeout={timeout} (expected seconds, 1 to 1024)");
        }

        return new PostgresLocation(builder.ConnectionString, host, port, database, user);
    }

    /// <summary>The URL with its password replaced by <c>***</c>, safe to show.</summary>
    public static string Mask(string value) => PasswordPart().Replace(value, "$1***@");

    private static Dictionary<string, string> Query(string query, string source, string text)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var at = pair.IndexOf('=');
            var key = Uri.UnescapeDataString(at < 0 ? pair : pair[..at]);
            if (!Parameters.Contains(key))
            {
                throw Bad(source, text, $"has an unknown parameter '{key}' (known: {string.Join(", ", Parameters)})");
            }

            values[key] = at < 0 ? "" : Uri.UnescapeDataString(pair[(at + 1)..]);
        }

        return values;
    }

    private static (string? User, string? Password) Credentials(string userInfo)
    {
        if (userInfo.Length == 0)
        {
            return (null, null);
        }

        var colon = userInfo.IndexOf(':');
        return colon < 0
            ? (Uri.UnescapeDataString(userInfo), null)
            : (Uri.UnescapeDataString(userInfo[..colon]), Uri.UnescapeDataString(userInfo[(colon + 1)..]));
    }

    private static BadInputException Bad(string source, string text, string problem) =>
        new($"{source}: '{Mask(text)}' {problem}", $"expected {Example}, or leave it unset for the SQLite registry in the home folder");

    // Greedy up to the last @: a password holding an unescaped @ or / is still masked whole.
    [GeneratedRegex("(://[^:/@]*:).*@")]
    private static partial Regex PasswordPart();
}
