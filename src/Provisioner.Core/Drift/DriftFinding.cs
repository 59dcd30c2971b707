namespace Provisioner.Core.Drift;

/// <summary>One difference between intent (registry and stamp) and the engine: which tenant, what kind (<see cref="DriftKind"/>), which resource and what differs.</summary>
public sealed record DriftFinding(string Tenant, string Kind, string Resource, string Detail);
