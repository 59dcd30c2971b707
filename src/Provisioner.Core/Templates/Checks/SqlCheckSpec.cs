namespace Provisioner.Core.Templates;

/// <summary>
/// A query run against the component's data (through its data adapter) succeeds and, when <see cref="Expect"/> is given,
/// returns exactly that text. <see cref="Database"/> defaults to the data's own.
/// </summary>
public sealed record SqlCheckSpec(string Component, string Query, string? Expect, string? Database) : HealthCheckSpec(Component)
{
    public override string Name => $"{Component}:sql {Query}";
}
