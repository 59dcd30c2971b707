using Provisioner.Registry.Tests.Support;

namespace Provisioner.Registry.Tests.Contract;

/// <summary>The lock contract on the SQLite store.</summary>
public sealed class SqliteLockTests : LockContract
{
    protected override StoreUnderTest CreateStore() => new SqliteUnderTest();
}
