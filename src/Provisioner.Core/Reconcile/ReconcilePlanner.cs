using Provisioner.Core.Backends;
using Provisioner.Core.Stamps;
using Provisioner.Core.Templates;

namespace Provisioner.Core.Reconcile;

/// <summary>
/// Diffs a stamp against what exists and returns only the difference, in the order it must be applied:
/// networks, volumes, then containers in dependency order with each 'before' job just before the container it precedes,
/// then 'after' jobs, then removals. Pure: no I/O.
/// </summary>
internal static class ReconcilePlanner
{
    public static IReadOnlyList<PlannedChange> Plan(Stamp stamp, ObservedState observed)
    {
        var changes = new List<PlannedChange>();
        var networks = observed.Networks.Select(n => n.Name).ToHashSet();
        foreach (var n in stamp.Networks.Where(n => !networks.Contains(n.Name)))
        {
            changes.Add(new PlannedChange(ChangeKind.Create, ResourceType.Network, n.Name, "missing"));
        }

        var volumes = observed.Volumes.Select(v => v.Name).ToHashSet();
        foreach (var v in stamp.Volumes.Where(v => !volumes.Contains(v.Name)))
        {
            changes.Add(new PlannedChange(ChangeKind.Create, ResourceType.Volume, v.Name, "missing"));
        }

        var containers = observed.Containers.GroupBy(c => c.Name).ToDictionary(g => g.Key, g => g.First());
        foreach (var c in stamp.Containers)
        {
            foreach (var job in stamp.Jobs.Where(j => j.Phase == JobPhase.Before && j.Component == c.Component))
            {
                changes.AddIfNotNull(PlanJob(job, containers.GetValueOrDefault(job.Name)));
            }

            changes.AddIfNotNull(PlanContainer(c, containers.GetValueOrDefault(c.Name)));
        }

        foreach (var job in stamp.Jobs.Where(j => j.Phase == JobPhase.After))
        {
            changes.AddIfNotNull(PlanJob(job, containers.GetValueOrDefault(job.Name)));
        }

        var wanted = stamp.Containers.Select(c => c.Name).Concat(stamp.Jobs.Select(j => j.Name)).ToHashSet();
        foreach (var orphan in observed.Containers.Where(c => !wanted.Contains(c.Name)))
        {
            changes.Add(new PlannedChange(ChangeKind.Remove, ResourceType.Container, orphan.Name, "not in the stamp"));
        }

        var wantedNetworks = stamp.Networks.Select(n => n.Name).ToHashSet();
        foreach (var orphan in observed.Networks.Where(n => !wantedNetworks.Contains(n.Name)))
        {
            changes.Add(new PlannedChange(ChangeKind.Remove, ResourceType.Network, orphan.Name, "not in the stamp"));
        }

        return changes;
    }

    private static PlannedChange? PlanContainer(ContainerResource desired, ObservedContainer? actual)
    {
        if (actual is null)
        {
            return new PlannedChange(ChangeKind.Create, ResourceType.Container, desired.Name, "missing");
        }

        if (actual.Drift is { } drift)
        {
            return new PlannedChange(ChangeKind.Replace, ResourceType.Container, desired.Name, drift);
        }

        if (actual.Hash != desired.Hash)
        {
            return new PlannedChange(ChangeKind.Replace, ResourceType.Container, desired.Name, WhatChanged(actual, desired.Labels));
        }

        return actual.State switch
        {
            ComponentState.Running => null,
            ComponentState.Created => new PlannedChange(ChangeKind.Replace, ResourceType.Container, desired.Name, "created but never started (interrupted)"),
            ComponentState.Exited or ComponentState.Dead => new PlannedChange(ChangeKind.Start, ResourceType.Container, desired.Name, $"was {State(actual.State)}"),
            _ => new PlannedChange(ChangeKind.Replace, ResourceType.Container, desired.Name, $"in state {State(actual.State)}"),
        };
    }

    private static PlannedChange? PlanJob(JobResource job, ObservedContainer? actual)
    {
        if (actual is null)
        {
            return new PlannedChange(ChangeKind.Run, ResourceType.Job, job.Name, "not run yet");
        }

        if (actual.Hash != job.Hash)
        {
            return new PlannedChange(ChangeKind.Run, ResourceType.Job, job.Name, WhatChanged(actual, job.Labels));
        }

        return actual is { State: ComponentState.Exited, ExitCode: 0 }
            ? null
            : new PlannedChange(
                ChangeKind.Run, ResourceType.Job, job.Name, actual.State == ComponentState.Exited ? $"last run failed (exit {actual.ExitCode})" : $"interrupted ({State(actual.State)})");
    }

    /// <summary>Names the change a person cares about: the template version or the size, else "spec changed".</summary>
    private static string WhatChanged(ObservedContainer actual, IReadOnlyDictionary<string, string> desired)
    {
        var changes = new[] { StampLabels.Template, StampLabels.Size }
            .Where(label => actual.Labels.TryGetValue(label, out var was) && desired.TryGetValue(label, out var now) && was != now)
            .Select(label => $"{label["provisioner.".Length..]} {actual.Labels[label]} -> {desired[label]}")
            .ToList();
        return changes.Count == 0 ? "spec changed" : string.Join(", ", changes);
    }

    private static void AddIfNotNull(this List<PlannedChange> changes, PlannedChange? change)
    {
        if (change is not null)
        {
            changes.Add(change);
        }
    }

    private static string State(ComponentState state) => state.ToString().ToLowerInvariant();
}
