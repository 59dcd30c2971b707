namespace Provisioner.Core.Reconcile;

/// <summary>A network or volume that exists, with its labels.</summary>
public sealed record ObservedResource(string Name, IReadOnlyDictionary<string, string> Labels);
