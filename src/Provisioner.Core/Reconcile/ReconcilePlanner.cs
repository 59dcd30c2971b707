using System.Text.RegularExpressions;
using Provisioner.Core.Stamps;

namespace Provisioner.Core.Reconcile;

/// <summary>
/// Diffs a stamp against what exists and returns only the difference, in the order it must be applied:
/// networks, volumes, then containers in dependency order with each job just before the container it precedes,
/// then removals. Pure: no I/O.
/// </summary>
public static partial class ReconcilePlanner
{
    public static IReadOnlyList<PlannedChange> Plan(Stamp stamp, ObservedState observed)
    {
        var changes = new List<PlannedChange>();
        var networks = observed.Networks.Select(n => n.Name).ToHashSet();
        foreach (var n in stamp.Networks.Where(n => !networks.Contains(n.Name)))
        {
            changes.Add(new PlannedChange(ChangeKind.Create, "network", n.Name, "missing"));
        }

        var volumes = observed.Volumes.Select(v => v.Name).ToHashSet();
        foreach (var v in stamp.Volumes.Where(v => !volumes.Contains(v.Name)))
        {
            changes.Add(new PlannedChange(ChangeKind.Create, "volume", v.Name, "missing"));
        }

        var containers = observed.Containers.GroupBy(c => c.Name).ToDictionary(g => g.Key, g => g.First());
        foreach (var c in stamp.Containers)
        {
            foreach (var job in stamp.Jobs.Where(j => j.Before == c.Component))
            {
                var jobChange = PlanJob(job, containers.GetValueOrDefault(job.Name));
                if (jobChange is not null)
                {
                    changes.Add(jobChange);
                }
            }

            var change = PlanContainer(c, containers.GetValueOrDefault(c.Name));
            if (change is not null)
            {
                changes.Add(change);
            }
        }

        var wanted = stamp.Containers.Select(c => c.Name).Concat(stamp.Jobs.Select(j => j.Name)).ToHashSet();
        foreach (var orphan in observed.Containers.Where(c => !wanted.Contains(c.Name)))
        {
            changes.Add(new PlannedChange(ChangeKind.Remove, "container", orphan.Name, "not in the stamp"));
        }

        var wantedNetworks = stamp.Networks.Select(n => n.Name).ToHashSet();
        foreach (var orphan in observed.Networks.Where(n => !wantedNetworks.Contains(n.Name)))
        {
            changes.Add(new PlannedChange(ChangeKind.Remove, "network", orphan.Name, "not in the stamp"));
        }

        return changes;
    }

    private static PlannedChange? PlanContainer(ContainerResource desired, ObservedContainer? actual)
    {
        if (actual is null)
        {
            return new PlannedChange(ChangeKind.Create, "container", desired.Name, "missing");
        }

        if (actual.Hash != desired.Hash)
        {
            return new PlannedChange(ChangeKind.Replace, "container", desired.Name, WhatChanged(actual, desired.Labels));
        }

        return actual.State switch
        {
            "running" => null,
            "created" => new PlannedChange(ChangeKind.Replace, "container", desired.Name, "created but never started (interrupted)"),
            "exited" or "dead" => new PlannedChange(ChangeKind.Start, "container", desired.Name, $"was {actual.State}"),
            _ => new PlannedChange(ChangeKind.Replace, "container", desired.Name, $"in state {actual.State}"),
        };
    }

    private static PlannedChange? PlanJob(JobResource job, ObservedContainer? actual)
    {
        if (actual is null)
        {
            return new PlannedChange(ChangeKind.Run, "job", job.Name, "not run yet");
        }

        if (actual.Hash != job.Hash)
        {
            return new PlannedChange(ChangeKind.Run, "job", job.Name, WhatChanged(actual, job.Labels));
        }

        return actual is { State: "exited", ExitCode: 0 }
            ? null
            : new PlannedChange(ChangeKind.Run, "job", job.Name, actual.State == "exited" ? $"last run failed (exit {actual.ExitCode})" : $"interrupted ({actual.State})");
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

    /// <summary>Reads the exit code from a list status such as <c>Exited (137) 5 seconds ago</c>.</summary>
    public static long? ExitCodeFromStatus(string? status)
    {
        var m = ExitedPattern().Match(status ?? "");
        return m.Success ? long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    [GeneratedRegex(@"^Exited \((-?\d+)\)")]
    private static partial Regex ExitedPattern();
}
