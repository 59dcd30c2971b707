using Provisioner.Registry.Tests.Support;

namespace Provisioner.Registry.Tests.Contract;

/// <summary>The journal contract on a real PostgreSQL ($PROVISIONER_TEST_POSTGRES; a database per test).</summary>
[Trait("Category", "Integration")]
public sealed class PostgresJournalTests : JournalContract
{
    protected override StoreUnderTest CreateStore() => new PostgresUnderTest();
}
