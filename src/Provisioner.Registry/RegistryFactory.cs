using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Provisioner.Core.Capacity;
using Provisioner.Core.Errors;
using Provisioner.Core.Secrets;
using Provisioner.Core.Tenants;
using Provisioner.Registry.Locks;
using Provisioner.Registry.Postgres;
using Provisioner.Registry.Secrets;
using Provisioner.Registry.Sqlite;

namespace Provisioner.Registry;

/// <summary>
/// The public way in. <see cref="Open"/>: the registry a setting names — nothing (the SQLite file in the home, with
/// file locks) or a <c>postgres://</c> URL (a registry shared by a team, with advisory locks that hold across machines).
/// The <c>Create*</c> methods are the SQLite registry's parts for a home.
/// </summary>
internal static class RegistryFactory
{
    /// <summary>
    /// Opens the registry <paramref name="registry"/> names (null, empty or <c>sqlite</c>: SQLite in <paramref name="home"/>).
    /// Nothing is contacted until first use. <paramref name="source"/> is what a wrong value is reported as (a variable, a key).
    /// </summary>
    public static RegistryStores Open(
        string home, string? registry, TimeProvider time, ILoggerFactory? loggers = null, string source = "Registry", string? keyFile = null)
    {
        keyFile ??= Path.Combine(home, "secret.key");
        var location = Parse(registry, source);
        if (location is null)
        {
            var file = Path.Combine(home, "registry.db");
            return new RegistryStores(
                "sqlite", $"SQLite at {file}", new SqliteTenantRegistry(file), CreateLocks(home, time), new AesGcmSecretProtector(keyFile),
                new SqliteCapacityHistory(file), new SqliteTenantCounts(file), new SqliteCheckHistory(file), new SqliteImportTarget(file), keyFile, time)
            {
                Audit = new SqliteAuditLog(file),
                Freeze = new SqliteFleetFreeze(file),
            };
        }

        var log = (loggers ?? NullLoggerFactory.Instance).CreateLogger("Provisioner.Registry.Postgres");
        var db = new PostgresDatabase(location, log);
        var protector = new TeamKeyProtector(keyFile, db);
        return new RegistryStores(
            "postgres", $"PostgreSQL at {location.Display}", new PostgresTenantRegistry(db), new PostgresLockManager(db, time, log), protector,
            new PostgresCapacityHistory(db), new PostgresTenantCounts(db), new PostgresCheckHistory(db), new PostgresImportTarget(db), keyFile, time, protector.Verify, db)
        {
            Audit = new PostgresAuditLog(db),
            Freeze = new PostgresFleetFreeze(db),
        };
    }

    /// <summary>Checks a registry setting without contacting anything; a wrong one is a <see cref="BadInputException"/> naming <paramref name="source"/>.</summary>
    public static void Validate(string? registry, string source) => Parse(registry, source);

    public static ITenantRegistry CreateSqlite(string home) => new SqliteTenantRegistry(Path.Combine(home, "registry.db"));

    public static ICapacityHistory CreateCapacityHistory(string home) => new SqliteCapacityHistory(Path.Combine(home, "registry.db"));

    public static ITenantCounts CreateTenantCounts(string home) => new SqliteTenantCounts(Path.Combine(home, "registry.db"));

    public static ILockManager CreateLocks(string home, TimeProvider time) => new FileLockManager(Path.Combine(home, "locks"), time);

    public static ISecretProtector CreateProtector(string home) => new AesGcmSecretProtector(Path.Combine(home, "secret.key"));

    private static PostgresLocation? Parse(string? registry, string source) =>
        string.IsNullOrWhiteSpace(registry) || registry.Trim().Equals("sqlite", StringComparison.OrdinalIgnoreCase)
            ? null
            : PostgresUrl.Parse(registry, source);
}
