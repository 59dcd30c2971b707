namespace Provisioner.Core.Templates;

/// <summary>One health check declared by a component. Exactly one of the kinds applies.</summary>
public abstract record HealthCheckSpec(string Component)
{
    /// <summary>A short, stable name used in reports: <c>app:http /readyz</c>.</summary>
    public abstract string Name { get; }

    /// <summary>Whether the check writes data (a journey): it runs at the gate, not in a monitor window's polling.</summary>
    public virtual bool Writes => false;
}
