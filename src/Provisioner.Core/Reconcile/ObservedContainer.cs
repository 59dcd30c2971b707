using Provisioner.Core.Backends;

namespace Provisioner.Core.Reconcile;

/// <summary>A container (or task) that exists, in backend-neutral terms: its state, exit code when it ended, and its labels.</summary>
public sealed record ObservedContainer(string Id, string Name, ComponentState State, long? ExitCode, IReadOnlyDictionary<string, string> Labels)
{
    public string? Hash => Labels.TryGetValue(Stamps.StampLabels.StampHash, out var h) ? h : null;

    public string? Template => Labels.TryGetValue(Stamps.StampLabels.Template, out var t) ? t : null;
}
