namespace Notes;

/// <summary>
/// Configuration from the environment. The database password is only ever read from
/// <see cref="PasswordFile"/> (a secret file), never from the environment, and never logged.
/// </summary>
internal sealed record NotesSettings(
    string DbHost,
    int DbPort,
    string DbName,
    string DbUser,
    string PasswordFile,
    int ListenPort)
{
    public static NotesSettings FromEnvironment() => new(
        DbHost: Env("NOTES_DB_HOST", "db"),
        DbPort: Port("NOTES_DB_PORT", 5432),
        DbName: Env("NOTES_DB_NAME", "notes"),
        DbUser: Env("NOTES_DB_USER", "notes"),
        PasswordFile: Env("NOTES_DB_PASSWORD_FILE", "/run/secrets/db_password"),
        ListenPort: Port("NOTES_PORT", 8080));

    private static string Env(string name, string fallback)
    {
        var value = Environment.GetEnvironmentVariable(name);
        return string.IsNullOrWhiteSpace(value) ? fallback : value.Trim();
    }

    private static int Port(string name, int fallback)
    {
        var raw = Env(name, fallback.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return int.TryParse(raw, out var port) && port is > 0 and < 65536
            ? port
            : throw new InvalidOperationException($"{name}: '{raw}' is not a port (1-65535)");
    }
}
