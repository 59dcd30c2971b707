using Provisioner.Core.Health;

namespace Provisioner.Core.Backups;

/// <summary>
/// One tenant's restore: the set it came from, the components stopped for the swap and for how long (<see cref="Downtime"/>:
/// from the first stop until the health gate passed), whether it finished a restore a dead process had left
/// (<see cref="Resumed"/>), and the health gate's report.
/// </summary>
public sealed record RestoreResult(
    string Tenant, BackupInfo Set, IReadOnlyList<string> Stopped, TimeSpan Downtime, TimeSpan Elapsed, bool Resumed, HealthReport Health);
