using Provisioner.Registry.Tests.Support;

namespace Provisioner.Registry.Tests.Contract;

/// <summary>The audit log contract on the SQLite store.</summary>
public sealed class SqliteAuditLogTests : AuditLogContract
{
    protected override StoreUnderTest CreateStore() => new SqliteUnderTest();
}
