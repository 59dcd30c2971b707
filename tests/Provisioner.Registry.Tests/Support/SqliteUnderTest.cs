namespace Provisioner.Registry.Tests.Support;

/// <summary>The default store: <c>registry.db</c> in the test's home, with file locks.</summary>
public sealed class SqliteUnderTest : StoreUnderTest
{
    public override string Name => "sqlite";

    public override string? Registry => null;

    public override Task InitializeAsync() => Task.CompletedTask;

    public override RegistryStores OpenPeer(TimeProvider? time = null) => Open(Home, time);
}
