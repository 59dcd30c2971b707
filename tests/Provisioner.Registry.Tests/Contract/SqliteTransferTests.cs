using Provisioner.Registry.Tests.Support;

namespace Provisioner.Registry.Tests.Contract;

/// <summary>The transfer contract on the SQLite store.</summary>
public sealed class SqliteTransferTests : TransferContract
{
    protected override StoreUnderTest CreateStore() => new SqliteUnderTest();
}
