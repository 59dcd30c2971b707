using Provisioner.Registry.Tests.Support;

namespace Provisioner.Registry.Tests.Contract;

/// <summary>The concurrency contract on the SQLite store.</summary>
public sealed class SqliteConcurrencyTests : ConcurrencyContract
{
    protected override StoreUnderTest CreateStore() => new SqliteUnderTest();
}
