using Provisioner.Registry.Tests.Support;

namespace Provisioner.Registry.Tests.Contract;

/// <summary>The freeze and window contract on a real PostgreSQL ($PROVISIONER_TEST_POSTGRES; a database per test).</summary>
[Trait("Category", "Integration")]
public sealed class PostgresFleetFreezeTests : FleetFreezeContract
{
    protected override StoreUnderTest CreateStore() => new PostgresUnderTest();
}
