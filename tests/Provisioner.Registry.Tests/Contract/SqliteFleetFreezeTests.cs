using Provisioner.Registry.Tests.Support;

namespace Provisioner.Registry.Tests.Contract;

/// <summary>The freeze and window contract on the SQLite store.</summary>
public sealed class SqliteFleetFreezeTests : FleetFreezeContract
{
    protected override StoreUnderTest CreateStore() => new SqliteUnderTest();
}
