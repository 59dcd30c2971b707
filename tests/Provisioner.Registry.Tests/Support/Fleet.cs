using System.Text;
using Provisioner.Core.Capacity;
using Provisioner.Core.Tenants;

namespace Provisioner.Registry.Tests.Support;

/// <summary>A small fleet written into a registry: tenants (one pinned with a maintenance window, one destroyed, one expiring) with encrypted secrets, a journal, capacity history.</summary>
public static class Fleet
{
    public const string Password = "correct-horse-battery-staple";

    public static async Task WriteAsync(RegistryStores stores)
    {
        var secrets = Encoding.UTF8.GetBytes($$"""{"db_password":"{{Password}}"}""");
        await stores.Registry.SaveAsync(Tenants.Of("acme", status: TenantStatus.Active) with
        {
            HostPort = 20001, Endpoint = "http://127.0.0.1:20001", EncryptedSecrets = stores.Protector.Protect(secrets, "acme"), PinnedVersion = "1.1.0",
            MaintenanceWindow = "Sun 02:00-04:00 UTC",
        });
        await stores.Registry.SaveAsync(Tenants.Of("beta", "large", status: TenantStatus.Destroyed) with { EncryptedSecrets = stores.Protector.Protect(secrets, "beta") });
        await stores.Registry.SaveAsync(Tenants.Of("gamma", status: TenantStatus.Failed) with
        {
            LastError = "health: /readyz answered 503", ExpiresAt = new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.Zero),
        });

        var journal = stores.Registry.Journal;
        var op = await journal.BeginAsync("acme", "provision", "notes@1.1.0 size=small");
        await journal.EndStepAsync(await journal.StepAsync(op, "reserve", "secrets and entry port"), JournalStatus.Done, "port 20001");
        await journal.EndStepAsync(await journal.StepAsync(op, "create container", "t-acme-db"), JournalStatus.Done);
        await journal.EndAsync(op, JournalStatus.Succeeded);
        await journal.EndAsync(await journal.BeginAsync("gamma", "provision", "notes@1.1.0 size=small"), JournalStatus.Failed, "unhealthy");

        var at = new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);
        await stores.History.AppendAsync(
        [
            new CapacitySnapshot(at, "local", "engine", 2, new HostFacts("local", 2, 1L << 33, 1L << 36), new Resources(1, 1L << 30, 1L << 32), new Resources(0.2, 1L << 28, 1L << 20)),
            new CapacitySnapshot(at.AddHours(1), "local", "registry", 2, new HostFacts("local", 2, 1L << 33, null), new Resources(1, 1L << 30, 1L << 32), null),
        ], default);
    }

    /// <summary>An export's data lines, without the header (its time and store differ between two exports of the same data).</summary>
    public static async Task<string[]> ExportLinesAsync(RegistryStores stores)
    {
        var text = new StringWriter();
        await stores.ExportAsync(text);
        return text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)[1..];
    }
}
