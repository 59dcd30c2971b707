namespace Provisioner.Core.Lifecycle;

/// <summary>What <c>provision purge</c> did at <see cref="At"/>: the expired offboarded sets deleted (or that would be), those kept, and any it could not delete.</summary>
public sealed record PurgeResult(DateTimeOffset At, bool DryRun, IReadOnlyList<OffboardedSet> Deleted, IReadOnlyList<OffboardedSet> Kept, IReadOnlyList<string> Errors);
