using Provisioner.Core.Backends;
using Provisioner.Core.Health;
using Provisioner.Core.Reconcile;
using Provisioner.Core.Tenants;

namespace Provisioner.Cli.Rendering;

/// <summary>The JSON shapes commands print with --json. Stable field names; secrets are never part of any view.</summary>
internal static class Views
{
    public static object Tenant(TenantRecord t) => new
    {
        name = t.Name,
        status = t.Status,
        template = t.TemplateRef,
        product = t.Product,
        version = t.Version,
        pinnedVersion = t.PinnedVersion,
        size = t.Size,
        backend = t.Backend.Name,
        host = t.Host,
        endpoint = t.Endpoint,
        lastError = t.LastError,
        createdAt = t.CreatedAt,
        updatedAt = t.UpdatedAt,
        expiresAt = t.ExpiresAt,
        maintenanceWindow = t.MaintenanceWindow,
    };

    public static object Change(PlannedChange c) => new { action = c.Kind.ToString().ToLowerInvariant(), kind = c.Resource.Name, name = c.Name, reason = c.Reason };

    public static object? Health(HealthReport? h) => h is null ? null : new
    {
        passed = h.Passed,
        failure = h.Failure,
        attempts = h.Attempts,
        elapsedSeconds = Math.Round(h.Elapsed.TotalSeconds, 3),
        checks = h.Checks.Select(c => new { name = c.Name, status = c.Status, output = c.Output, durationMs = Math.Round(c.Duration.TotalMilliseconds) }),
    };

    public static object Component(ComponentObservation c) => new
    {
        component = c.Component,
        container = c.Name,
        kind = c.Kind,
        state = c.State,
        status = c.Status,
        image = c.Image,
        template = c.Template,
        startedAt = c.StartedAt,
        cpus = c.Cpus,
        memoryBytes = c.MemoryBytes,
        publishedOn = c.PublishedOn,
        node = c.Node,
    };

    public static object Operation(OperationRecord o) => new
    {
        id = o.Id,
        kind = o.Kind,
        status = o.Status,
        detail = o.Detail,
        startedAt = o.StartedAt,
        finishedAt = o.FinishedAt,
        error = o.Error,
        steps = o.Steps.Select(s => new { seq = s.Seq, name = s.Name, status = s.Status, detail = s.Detail }),
    };
}
