namespace Provisioner.Cli.Tests.Support;

/// <summary>
/// Integration tests share an engine fixture and run one after another within a collection. The long ones are split
/// over this collection and <see cref="SecondEngineCollection"/>, which xUnit runs side by side: most of their time is
/// spent waiting on containers (readiness, health gates), so two lanes finish sooner than one on this two-core machine.
/// </summary>
[CollectionDefinition(Name)]
public sealed class EngineCollection : ICollectionFixture<EngineFixture>
{
    public const string Name = "engine";
}
