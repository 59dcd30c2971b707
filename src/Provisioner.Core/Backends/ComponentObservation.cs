namespace Provisioner.Core.Backends;

/// <summary>One component (or job) as it runs: state, image, template label, limits.</summary>
public sealed record ComponentObservation(
    string Component,
    string Name,
    string Kind,
    string State,
    string Image,
    string? Template,
    string Status,
    DateTimeOffset? StartedAt,
    double? Cpus,
    long? MemoryBytes,
    string? PublishedOn);
