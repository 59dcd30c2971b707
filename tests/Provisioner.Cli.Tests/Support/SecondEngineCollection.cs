namespace Provisioner.Cli.Tests.Support;

/// <summary>
/// The second lane of integration tests (see <see cref="EngineCollection"/>), with its own <see cref="EngineFixture"/>
/// (its own run id, so its clean-up never touches the first lane's tenants). Tests that share nothing but the engine
/// belong in either lane; capacity tests count only their own registry's tenants, so the lanes do not see each other.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SecondEngineCollection : ICollectionFixture<EngineFixture>
{
    public const string Name = "engine-2";
}
