using System.Globalization;

namespace Tracker;

/// <summary>
/// Configuration from the environment. The database password is only ever read from
/// <see cref="PasswordFile"/> (a secret file), never from the environment, and never logged.
/// </summary>
internal sealed record TrackerSettings(
    string DbHost,
    int DbPort,
    string DbName,
    string DbUser,
    string PasswordFile,
    string RedisHost,
    int RedisPort,
    string Uploads,
    int ListenPort,
    string? PublicUrl)
{
    public static TrackerSettings FromEnvironment() => new(
        DbHost: Env("TRACKER_DB_HOST", "db"),
        DbPort: Port("TRACKER_DB_PORT", 5432),
        DbName: Env("TRACKER_DB_NAME", "tracker"),
        DbUser: Env("TRACKER_DB_USER", "tracker"),
        PasswordFile: Env("TRACKER_DB_PASSWORD_FILE", "/run/secrets/db_password"),
        RedisHost: Env("TRACKER_REDIS_HOST", "queue"),
        RedisPort: Port("TRACKER_REDIS_PORT", 6379),
        Uploads: Env("TRACKER_UPLOADS", "/srv/uploads"),
        ListenPort: Port("TRACKER_PORT", 8080),
        PublicUrl: Optional("TRACKER_PUBLIC_URL"));

    private static string Env(string name, string fallback) => Optional(name) ?? fallback;

    public static string? Optional(string name)
    {
        var value = Environment.GetEnvironmentVariable(name);
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    private static int Port(string name, int fallback)
    {
        var raw = Env(name, fallback.ToString(CultureInfo.InvariantCulture));
        return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536
            ? port
            : throw new InvalidOperationException($"{name}: '{raw}' is not a port (1-65535)");
    }
}
