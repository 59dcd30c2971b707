namespace Provisioner.Aws.Pulumi;

/// <summary>What an up or destroy did: the changed resources (in order) and the engine's per-operation counts.</summary>
public sealed record UpdateSummary(IReadOnlyList<EngineEvent> Changes, IReadOnlyDictionary<string, int> ResourceChanges);
