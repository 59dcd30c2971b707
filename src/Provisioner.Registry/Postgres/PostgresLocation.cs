namespace Provisioner.Registry.Postgres;

/// <summary>
/// A parsed <c>postgres://</c> registry URL: Npgsql's connection string (with the password) and a display form
/// (<c>host:port/database</c>) that errors and logs use, which never carries the password.
/// </summary>
internal sealed record PostgresLocation(string ConnectionString, string Host, int Port, string Database, string? User)
{
    /// <summary><c>host:port</c>, as in "registry at host:port is unreachable".</summary>
    public string Endpoint => Host.StartsWith('/') ? $"{Host} (socket, port {Port})" : $"{Host}:{Port}";

    public string Display => $"{Endpoint}/{Database}";

    public override string ToString() => Display;
}
