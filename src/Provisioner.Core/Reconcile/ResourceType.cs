namespace Provisioner.Core.Reconcile;

/// <summary>
/// The kind of a resource a plan creates, replaces or removes. The stamp's own kinds are here; a backend adds its own
/// (a Pulumi resource type, an RDS snapshot) with <see cref="Of"/>.
/// </summary>
public readonly record struct ResourceType(string Name)
{
    public static ResourceType Network { get; } = new("network");

    public static ResourceType Volume { get; } = new("volume");

    public static ResourceType Container { get; } = new("container");

    public static ResourceType Job { get; } = new("job");

    /// <summary>The shared edge proxy's own container (not a tenant's): a plan of a tenant behind it shows it made or started.</summary>
    public static ResourceType EdgeProxy { get; } = new("edge proxy");

    public static ResourceType Of(string name) => new(name);

    public override string ToString() => Name;
}
