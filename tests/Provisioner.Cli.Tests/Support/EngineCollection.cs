namespace Provisioner.Cli.Tests.Support;

/// <summary>Integration tests share one engine fixture and run one after another (the machine has two cores).</summary>
[CollectionDefinition(Name)]
public sealed class EngineCollection : ICollectionFixture<EngineFixture>
{
    public const string Name = "engine";
}
