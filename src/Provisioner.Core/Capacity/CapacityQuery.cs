namespace Provisioner.Core.Capacity;

/// <summary>
/// <c>provision capacity [--for SIZE [--count N] [--customer C]] [--template T]</c>. Without <see cref="Size"/> no verdict is
/// made; <see cref="MeasureUsage"/> samples containers' actual use (about a second).
/// </summary>
public sealed record CapacityQuery(string? Template = null, string? Size = null, int Count = 1, string? Customer = null, bool MeasureUsage = true);
