using System.Globalization;
using Provisioner.Core.Backups;
using Spectre.Console;

namespace Provisioner.Cli.Rendering;

/// <summary>The JSON shapes and tables of <c>backup</c>, <c>backups</c> and <c>restore</c>.</summary>
internal static class BackupViews
{
    public static object Set(BackupInfo b) => new
    {
        id = b.Id,
        tenant = b.Tenant,
        kind = b.Kind,
        template = b.Template,
        takenAt = b.TakenAt,
        bytes = b.Bytes,
        complete = b.Complete,
        folder = b.Folder,
        components = b.Components.Select(c => new { component = c.Component, kind = c.Kind, file = c.File, bytes = c.Bytes, checksum = c.Checksum }),
    };

    public static object Backup(BackupResult r) => new
    {
        tenant = r.Tenant,
        backup = Set(r.Set),
        online = r.Online,
        paused = r.Paused,
        pausedSeconds = Math.Round(r.PausedFor.TotalSeconds, 3),
        elapsedSeconds = Math.Round(r.Elapsed.TotalSeconds, 3),
        deleted = r.Deleted,
        note = r.Note,
    };

    public static object Restore(RestoreResult r) => new
    {
        tenant = r.Tenant,
        backup = Set(r.Set),
        stopped = r.Stopped,
        downtimeSeconds = Math.Round(r.Downtime.TotalSeconds, 3),
        elapsedSeconds = Math.Round(r.Elapsed.TotalSeconds, 3),
        resumed = r.Resumed,
        health = Views.Health(r.Health),
    };

    public static object Fleet(FleetBackupResult f) => new
    {
        parallel = f.Parallel,
        elapsedSeconds = Math.Round(f.Elapsed.TotalSeconds, 3),
        failed = f.Failed,
        tenants = f.Tenants.Select(t => new
        {
            tenant = t.Tenant,
            outcome = t.Outcome,
            reason = t.Reason,
            elapsedSeconds = Math.Round(t.Elapsed.TotalSeconds, 3),
            result = t.Result is null ? null : Backup(t.Result),
        }),
    };

    public static Table SetsTable(IEnumerable<BackupInfo> sets)
    {
        var table = new Table().AddColumns("ID", "TENANT", "KIND", "TAKEN (UTC)", "SIZE", "COMPONENTS (verified checksum)", "COMPLETE");
        foreach (var b in sets)
        {
            table.AddRow(
                Cell.Escape(b.Id), Cell.Escape(b.Tenant), Cell.Escape(b.Kind), Cell.Escape(b.TakenAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)),
                Cell.Escape(Size(b.Bytes)),
                Cell.Escape(b.Components.Count == 0 ? "-" : string.Join("\n", b.Components.Select(c => $"{c.Component} {c.Kind} {c.Checksum[..Math.Min(16, c.Checksum.Length)]}"))),
                b.Complete ? "[green]yes[/]" : "[red]no[/]");
        }

        return table;
    }

    public static Table FleetTable(FleetBackupResult f)
    {
        var table = new Table().AddColumns("TENANT", "OUTCOME", "BACKUP", "SIZE", "ONLINE", "PAUSED", "TIME", "REASON");
        foreach (var t in f.Tenants)
        {
            var r = t.Result;
            table.AddRow(
                Cell.Escape(t.Tenant), t.Outcome == TenantBackupOutcome.FailedOutcome ? "[red]failed[/]" : t.Outcome == TenantBackupOutcome.BackedUp ? "[green]backed-up[/]" : Cell.Escape(t.Outcome),
                Cell.Escape(r?.Set.Id ?? "-"), Cell.Escape(r is null ? "-" : Size(r.Set.Bytes)), Cell.Escape(r is null ? "-" : r.Online ? "yes" : "no"),
                Cell.Escape(r is null || r.Online ? "-" : $"{r.PausedFor.TotalSeconds:0.0} s"), Cell.Escape($"{t.Elapsed.TotalSeconds:0.0} s"), Cell.Escape(t.Reason ?? ""));
        }

        return table;
    }

    public static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.0} KiB"),
        < 1024L * 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:0.0} MiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1073741824.0:0.00} GiB"),
    };
}
