namespace Provisioner.Core.Backends;

/// <summary>
/// One component (or job) as it runs: its state in the backend-neutral terms of <see cref="ComponentState"/>, with the
/// backend's own words in <see cref="Status"/> for people, image, template label, limits and where it runs.
/// </summary>
public sealed record ComponentObservation(
    string Component,
    string Name,
    WorkloadKind Kind,
    ComponentState State,
    string Image,
    string? Template,
    string Status,
    DateTimeOffset? StartedAt,
    double? Cpus,
    long? MemoryBytes,
    string? PublishedOn)
{
    /// <summary>The machine it runs on, where the backend spreads tenants over several (null when there is one).</summary>
    public string? Node { get; init; }

    public bool IsRunning => State == ComponentState.Running;
}
