using Provisioner.Core.Tenants;

namespace Provisioner.Registry.Tests.Support;

/// <summary>
/// A registry store for one test: the SQLite file in a temporary home, or a PostgreSQL database of its own. <see cref="Open"/>
/// gives a client of it (several clients share the store, each with its own connections; by default they share one key).
/// Everything is removed at the end, also when the test failed half-way.
/// </summary>
public abstract class StoreUnderTest : IAsyncDisposable
{
    private readonly List<RegistryStores> _opened = [];
    private readonly List<string> _homes = [];
    private string? _home;

    /// <summary><c>sqlite</c> or <c>postgres</c>.</summary>
    public abstract string Name { get; }

    /// <summary>What <see cref="ProvisionerSettings"/>' Registry would say: null (SQLite in the home) or the test database's URL.</summary>
    public abstract string? Registry { get; }

    /// <summary>The store's first home (made on first use, so a set-up that fails earlier leaves nothing behind).</summary>
    public string Home => _home ??= NewHome();

    public abstract Task InitializeAsync();

    /// <summary>A client of the store; <paramref name="home"/> is its home (its key file, and for SQLite its registry file).</summary>
    public RegistryStores Open(string? home = null, TimeProvider? time = null)
    {
        var stores = RegistryFactory.Open(home ?? Home, Registry, time ?? TimeProvider.System);
        lock (_opened)
        {
            _opened.Add(stores);
        }

        return stores;
    }

    public ITenantRegistry OpenRegistry() => Open().Registry;

    /// <summary>
    /// Another client of the same registry, as a second operator would be: for SQLite a second process on the same home
    /// (its file and its locks are the home's); for PostgreSQL a second home holding a copy of the team's key.
    /// </summary>
    public abstract RegistryStores OpenPeer(TimeProvider? time = null);

    /// <summary>Another empty home (for a second operator); removed at the end.</summary>
    public string NewHome()
    {
        var home = Directory.CreateTempSubdirectory("registry-test-").FullName;
        lock (_homes)
        {
            _homes.Add(home);
        }

        return home;
    }

    public virtual ValueTask DisposeAsync()
    {
        foreach (var stores in _opened)
        {
            stores.Dispose();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var home in _homes.Where(Directory.Exists))
        {
            Directory.Delete(home, recursive: true);
        }

        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}
