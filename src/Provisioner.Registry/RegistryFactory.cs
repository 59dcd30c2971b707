using Provisioner.Core.Capacity;
using Provisioner.Core.Secrets;
using Provisioner.Core.Tenants;
using Provisioner.Registry.Locks;
using Provisioner.Registry.Secrets;
using Provisioner.Registry.Sqlite;

namespace Provisioner.Registry;

/// <summary>The public way in: the SQLite registry, file locks and the secret protector for a <c>$PROVISIONER_HOME</c>.</summary>
public static class RegistryFactory
{
    public static ITenantRegistry CreateSqlite(string home) => new SqliteTenantRegistry(Path.Combine(home, "registry.db"));

    public static ICapacityHistory CreateCapacityHistory(string home) => new SqliteCapacityHistory(Path.Combine(home, "registry.db"));

    public static ITenantCounts CreateTenantCounts(string home) => new SqliteTenantCounts(Path.Combine(home, "registry.db"));

    public static ILockManager CreateLocks(string home, TimeProvider time) => new FileLockManager(Path.Combine(home, "locks"), time);

    public static ISecretProtector CreateProtector(string home) => new AesGcmSecretProtector(Path.Combine(home, "secret.key"));
}
