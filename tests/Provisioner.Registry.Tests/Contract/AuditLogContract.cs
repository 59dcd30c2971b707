using Provisioner.Core.Audit;

namespace Provisioner.Registry.Tests.Contract;

/// <summary>The audit log (<c>provision history</c>): what every registry store must do (run against SQLite and PostgreSQL).</summary>
public abstract class AuditLogContract : StoreContract
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 12, 0, 0, 123, TimeSpan.Zero);

    private static AuditEntry Entry(int minute, string command, string? tenant, int exit = 0, string? error = null) =>
        new(T0.AddMinutes(minute), "ops", "bastion-1", command, tenant, exit, error, 1234 + minute);

    [Fact]
    public async Task Append_Recent_NewestFirst_FilteredByTenant_Limited()
    {
        var audit = Store.Open().Audit;
        await audit.AppendAsync(Entry(0, "provision tenant acme", "acme"), default);
        await audit.AppendAsync(Entry(1, "provision key rotate", null), default);
        await audit.AppendAsync(Entry(2, "provision upgrade acme --to 1.1.0", "acme", 5, "acme is unhealthy after the upgrade"), default);
        await audit.AppendAsync(Entry(3, "provision destroy globex --yes", "globex"), default);

        var all = await audit.RecentAsync(null, 10, default);
        Assert.Equal(["provision destroy globex --yes", "provision upgrade acme --to 1.1.0", "provision key rotate", "provision tenant acme"], all.Select(e => e.Command));
        Assert.Equal(Entry(2, "provision upgrade acme --to 1.1.0", "acme", 5, "acme is unhealthy after the upgrade"), all[1]);
        Assert.Null(all[2].Tenant);

        Assert.Equal([2, 0], (await audit.RecentAsync("acme", 10, default)).Select(e => (int)(e.At - T0).TotalMinutes));
        Assert.Single(await audit.RecentAsync(null, 1, default));
        Assert.Empty(await audit.RecentAsync("nobody", 10, default));
    }
}
