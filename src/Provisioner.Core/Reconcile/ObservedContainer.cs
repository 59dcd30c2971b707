namespace Provisioner.Core.Reconcile;

/// <summary>A container that exists. <see cref="State"/> is the engine's: created, running, exited, paused, restarting, dead.</summary>
public sealed record ObservedContainer(string Id, string Name, string State, long? ExitCode, IReadOnlyDictionary<string, string> Labels)
{
    public string? Hash => Labels.TryGetValue(Stamps.StampLabels.StampHash, out var h) ? h : null;

    public string? Template => Labels.TryGetValue(Stamps.StampLabels.Template, out var t) ? t : null;
}
