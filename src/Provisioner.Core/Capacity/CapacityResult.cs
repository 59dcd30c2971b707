namespace Provisioner.Core.Capacity;

/// <summary>What a capacity run found: the numbers, the verdict when a size was asked for, and the history with fill estimates.</summary>
public sealed record CapacityResult(
    CapacityReport Report,
    CapacityVerdict? Verdict,
    IReadOnlyList<FillEstimate> Forecast,
    IReadOnlyList<CapacitySnapshot> History);
