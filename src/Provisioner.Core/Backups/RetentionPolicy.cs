namespace Provisioner.Core.Backups;

/// <summary>
/// Which on-demand backups of a tenant are kept after each new one (upgrade backups have their own count). A set is kept when
/// any rule keeps it: the newest <see cref="Keep"/>; the newest of each of the last <see cref="Daily"/> days (UTC) that have a
/// backup; the newest of each of the last <see cref="Weekly"/> ISO weeks that have one (restic's keep-last/-daily/-weekly).
/// </summary>
public sealed record RetentionPolicy
{
    /// <summary>The newest sets kept whatever their age. Default 7; at least 1.</summary>
    public int Keep { get; init; } = 7;

    /// <summary>Days (UTC, counting only days with a backup) whose newest set is kept. Default 7.</summary>
    public int Daily { get; init; } = 7;

    /// <summary>ISO weeks (counting only weeks with a backup) whose newest set is kept. Default 4.</summary>
    public int Weekly { get; init; } = 4;

    public RetentionPolicy Validate()
    {
        var errors = new List<string>();
        if (Keep < 1)
        {
            errors.Add($"backups.keep must be at least 1 (got {Keep})");
        }

        if (Daily < 0 || Weekly < 0)
        {
            errors.Add($"backups.daily and backups.weekly must be 0 or more (got {Daily}, {Weekly})");
        }

        return errors.Count == 0 ? this : throw new Errors.BadInputException("invalid configuration: " + string.Join("; ", errors));
    }

    public override string ToString() => $"keep the last {Keep}, the newest of each of the last {Daily} days and of the last {Weekly} weeks";
}
