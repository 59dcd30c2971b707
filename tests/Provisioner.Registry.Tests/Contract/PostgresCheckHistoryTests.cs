using Provisioner.Registry.Tests.Support;

namespace Provisioner.Registry.Tests.Contract;

/// <summary>The check history contract on a real PostgreSQL ($PROVISIONER_TEST_POSTGRES; a database per test).</summary>
[Trait("Category", "Integration")]
public sealed class PostgresCheckHistoryTests : CheckHistoryContract
{
    protected override StoreUnderTest CreateStore() => new PostgresUnderTest();
}
