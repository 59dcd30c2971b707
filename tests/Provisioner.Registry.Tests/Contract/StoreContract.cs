using Provisioner.Registry.Tests.Support;

namespace Provisioner.Registry.Tests.Contract;

/// <summary>
/// One contract, two stores: every test of a contract class runs once per concrete subclass — against SQLite
/// (<c>Sqlite*Tests</c>) and against a real PostgreSQL (<c>Postgres*Tests</c>, tagged Integration).
/// </summary>
public abstract class StoreContract : IAsyncLifetime
{
    private StoreUnderTest? _store;

    protected StoreUnderTest Store => _store ?? throw new InvalidOperationException("not initialized");

    protected abstract StoreUnderTest CreateStore();

    public async Task InitializeAsync()
    {
        _store = CreateStore();
        try
        {
            await _store.InitializeAsync();
        }
        catch
        {
            await _store.DisposeAsync(); // xunit does not dispose what failed to initialize
            _store = null;
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }
    }
}
