namespace Provisioner.Core.Templates;

/// <summary>GET <see cref="Path"/> on the tenant's endpoint answers <see cref="Expect"/>.</summary>
public sealed record HttpCheckSpec(string Component, string Path, int Expect) : HealthCheckSpec(Component)
{
    public override string Name => $"{Component}:http {Path}";
}
