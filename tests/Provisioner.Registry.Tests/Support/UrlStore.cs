namespace Provisioner.Registry.Tests.Support;

/// <summary>A database the test made itself (e.g. on a server of its own), opened like any other store; the test removes it.</summary>
public sealed class UrlStore(string url) : StoreUnderTest
{
    public override string Name => "postgres";

    public override string? Registry => url;

    public override Task InitializeAsync() => Task.CompletedTask;

    public override RegistryStores OpenPeer(TimeProvider? time = null) => Open(Home, time);
}
