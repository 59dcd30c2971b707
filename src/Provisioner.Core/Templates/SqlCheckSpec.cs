namespace Provisioner.Core.Templates;

/// <summary>A query run inside the component's container with psql (local socket, peer auth) must succeed.</summary>
public sealed record SqlCheckSpec(string Component, string Query, string Database, string User) : HealthCheckSpec(Component)
{
    public override string Name => $"{Component}:sql {Query}";
}
