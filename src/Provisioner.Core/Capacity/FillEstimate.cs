namespace Provisioner.Core.Capacity;

/// <summary>
/// A host's history and, when there is enough of it and reservations grow, when the host fills at the recent rate:
/// <see cref="FullAt"/> for <see cref="Resource"/> (the first resource to run out), growing <see cref="RatePerDay"/>.
/// </summary>
public sealed record FillEstimate(
    string Host,
    int Snapshots,
    DateTimeOffset? Since,
    Resources? ReservedThen,
    Resources? ReservedNow,
    ResourceKind? Resource,
    double? RatePerDay,
    DateTimeOffset? FullAt,
    string Text);
