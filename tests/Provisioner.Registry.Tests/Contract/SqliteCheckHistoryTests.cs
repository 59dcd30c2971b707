using Provisioner.Registry.Tests.Support;

namespace Provisioner.Registry.Tests.Contract;

/// <summary>The check history contract on the SQLite store.</summary>
public sealed class SqliteCheckHistoryTests : CheckHistoryContract
{
    protected override StoreUnderTest CreateStore() => new SqliteUnderTest();
}
