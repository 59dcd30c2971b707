using Provisioner.Registry.Tests.Support;

namespace Provisioner.Registry.Tests.Contract;

/// <summary>The capacity history contract on the SQLite store.</summary>
public sealed class SqliteCapacityHistoryTests : CapacityHistoryContract
{
    protected override StoreUnderTest CreateStore() => new SqliteUnderTest();
}
