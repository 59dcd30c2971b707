using Provisioner.Core.Tenants;

namespace Provisioner.Core.Tests.Capacity;

/// <summary>A registry holding a list of tenants; only listing and reading are used by the capacity code.</summary>
internal sealed class FakeRegistry : ITenantRegistry
{
    public List<TenantRecord> Tenants { get; } = [];

    public IOperationJournal Journal => throw new NotSupportedException();

    public static TenantRecord Tenant(string name, string size, string status = TenantStatus.Active, string host = "local") =>
        new(name, "notes", "1.1.0", size, Backends.BackendKind.Of("docker"), host, status, null, null, [1], null, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);

    public Task<TenantRecord?> GetAsync(string name, CancellationToken ct = default) => Task.FromResult(Tenants.FirstOrDefault(t => t.Name == name));

    public Task<IReadOnlyList<TenantRecord>> ListAsync(CancellationToken ct = default) => Task.FromResult<IReadOnlyList<TenantRecord>>(Tenants.ToList());

    public Task SaveAsync(TenantRecord tenant, CancellationToken ct = default) => throw new NotSupportedException();

    public Task DeleteAsync(string name, CancellationToken ct = default) => throw new NotSupportedException();

    public Task<TenantRecord> SaveWithNewPortAsync(TenantRecord tenant, int first, int last, Func<int, bool> isFree, CancellationToken ct = default) =>
        throw new NotSupportedException();
}
