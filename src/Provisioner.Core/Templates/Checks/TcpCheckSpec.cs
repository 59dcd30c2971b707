namespace Provisioner.Core.Templates;

/// <summary>A TCP connection to the component's <see cref="Port"/> is accepted.</summary>
public sealed record TcpCheckSpec(string Component, int Port) : HealthCheckSpec(Component)
{
    public override string Name => $"{Component}:tcp {Port}";
}
