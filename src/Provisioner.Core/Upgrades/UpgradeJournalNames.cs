namespace Provisioner.Core.Upgrades;

/// <summary>How upgrades appear in the journal, so an interrupted one can be read back.</summary>
internal static class UpgradeJournalNames
{
    /// <summary>Operation kind of one tenant's upgrade; its detail is <c>crm@1.0.0 -&gt; crm@1.1.0</c>.</summary>
    public const string Operation = "upgrade";

    /// <summary>Operation kind of a fleet upgrade, journaled under <see cref="FleetTenant"/>; its detail is the request as JSON.</summary>
    public const string FleetOperation = "fleet-upgrade";

    /// <summary>The journal's tenant column for fleet operations (not a valid tenant name, so it never clashes).</summary>
    public const string FleetTenant = "(fleet)";

    public const string BackupStep = "backup";

    public const string RollbackStep = "rollback";

    /// <summary>The new version's health gate; once done, an interrupted upgrade is finished forward, not rolled back.</summary>
    public const string HealthStep = "health";

    public const string Arrow = " -> ";

    /// <summary>An upgrade operation's detail: <c>crm@1.0.0 -&gt; crm@1.1.0</c>, then <c>fleet=N</c> when a fleet run started it.</summary>
    public static string Detail(string from, string to, string? fleetTag) => $"{from}{Arrow}{to}{(fleetTag is null ? "" : " " + fleetTag)}";

    /// <summary>The error of an upgrade stopped by Ctrl-C: not a verdict on the version, so a resumed fleet tries it again.</summary>
    public const string Cancelled = "cancelled";
}
