using Provisioner.Registry.Tests.Support;

namespace Provisioner.Registry.Tests.Contract;

/// <summary>The registry contract on the SQLite store.</summary>
public sealed class SqliteRegistryTests : RegistryContract
{
    protected override StoreUnderTest CreateStore() => new SqliteUnderTest();
}
