using Provisioner.Core.Cloning;

namespace Provisioner.Cli.Rendering;

/// <summary>The JSON shape of <c>clone</c>.</summary>
internal static class CloneViews
{
    public static object Clone(CloneResult r) => new
    {
        source = r.Source,
        tenant = Views.Tenant(r.Provision.Tenant),
        copy = new
        {
            method = r.Copy.Method,
            bytes = r.Copy.Set.Bytes,
            takenAt = r.Copy.Set.TakenAt,
            sourceStopped = r.Copy.Stopped,
            sourcePausedSeconds = Math.Round(r.Copy.Paused.TotalSeconds, 3),
            components = r.Copy.Set.Entries.Select(e => new { component = e.Component, kind = e.Kind, bytes = e.Bytes, checksum = e.Checksum }),
        },
        masked = r.Masked,
        resumed = r.Resumed,
        restore = BackupViews.Restore(r.Restore),
        elapsedSeconds = Math.Round(r.Elapsed.TotalSeconds, 3),
    };
}
