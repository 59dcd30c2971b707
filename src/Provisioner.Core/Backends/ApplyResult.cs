using Provisioner.Core.Reconcile;

namespace Provisioner.Core.Backends;

/// <summary>What apply changed (empty when the tenant had already converged) and where the tenant is reached.</summary>
public sealed record ApplyResult(IReadOnlyList<PlannedChange> Changes, Uri? Endpoint);
