using Provisioner.Registry.Tests.Support;

namespace Provisioner.Registry.Tests.Contract;

/// <summary>The journal contract on the SQLite store.</summary>
public sealed class SqliteJournalTests : JournalContract
{
    protected override StoreUnderTest CreateStore() => new SqliteUnderTest();
}
