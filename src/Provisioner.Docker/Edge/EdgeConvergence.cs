using Provisioner.Core.Reconcile;

namespace Provisioner.Docker.Edge;

/// <summary>What converging the edge did: the routes it loaded, and its container made or started (null when it already ran).</summary>
internal sealed record EdgeConvergence(int Routes, PlannedChange? Made);
