using Provisioner.Core.Tenants;

namespace Provisioner.Core.Maintenance;

/// <summary><c>provision window</c>: sets or clears a tenant's maintenance window, under the tenant's lock.</summary>
internal sealed class TenantWindows(ITenantRegistry registry, ILockManager locks, TimeProvider time)
{
    /// <summary>Sets <paramref name="window"/> (parsed first: a malformed one changes nothing), or clears it when null; returns the saved record.</summary>
    public async Task<TenantRecord> SetAsync(string name, string? window, CancellationToken ct)
    {
        TenantName.Validate(name);
        var text = window is null ? null : MaintenanceWindow.Parse(window).Text;
        using var held = locks.Acquire($"tenant {name}", "window");
        var tenant = await registry.RequireAsync(name, ct);
        var saved = tenant with { MaintenanceWindow = text, UpdatedAt = time.GetUtcNow() };
        await registry.SaveAsync(saved, ct);
        return saved;
    }
}
