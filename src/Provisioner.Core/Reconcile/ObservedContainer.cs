using Provisioner.Core.Backends;

namespace Provisioner.Core.Reconcile;

/// <summary>A container (or task) that exists, in backend-neutral terms: its state, exit code when it ended, and its labels.</summary>
public sealed record ObservedContainer(string Id, string Name, ComponentState State, long? ExitCode, IReadOnlyDictionary<string, string> Labels)
{
    public string? Hash => Labels.TryGetValue(Stamps.StampLabels.StampHash, out var h) ? h : null;

    public string? Template => Labels.TryGetValue(Stamps.StampLabels.Template, out var t) ? t : null;

    /// <summary>
    /// Set by a backend that compared the live container with the stamp (image, limits, a container of that name made by hand):
    /// what differs, though the stamp hash label still matches. The planner replaces such a container.
    /// </summary>
    public string? Drift { get; init; }
}
