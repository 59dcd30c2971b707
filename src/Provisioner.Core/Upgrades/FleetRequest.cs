namespace Provisioner.Core.Upgrades;

/// <summary>
/// What <c>provision upgrade</c> was asked to do. Journaled as JSON with the fleet operation, so <c>--resume</c> can
/// continue exactly the same run.
/// </summary>
public sealed record FleetRequest
{
    /// <summary>Target version (<c>1.1.0</c>) or template reference (<c>crm@1.1.0</c>).</summary>
    public required string To { get; init; }

    /// <summary>Every tenant (except pinned ones unless <see cref="IncludePinned"/>).</summary>
    public bool All { get; init; }

    /// <summary>Named tenants (one name or <c>--tenants a,b,c</c>).</summary>
    public IReadOnlyList<string> Tenants { get; init; } = [];

    /// <summary>Only tenants currently on this version (<c>--from 1.0.0</c>).</summary>
    public string? From { get; init; }

    /// <summary>Canary: a count (<c>1</c>) or tenant names (<c>acme,globex</c>). Default 1.</summary>
    public string Canary { get; init; } = "1";

    /// <summary>Wave size after the canary: a count (<c>3</c>) or a share of the targeted tenants (<c>25%</c>). Default 25%.</summary>
    public string WaveSize { get; init; } = "25%";

    /// <summary>Tenants upgraded at once within a wave. Default 2.</summary>
    public int Parallel { get; init; } = 2;

    /// <summary>Failures tolerated before the fleet halts. Default 0: the first failure halts it.</summary>
    public int MaxFailures { get; init; }

    /// <summary>Also upgrade tenants pinned with <c>provision pin</c> (pins apply to <see cref="All"/> only).</summary>
    public bool IncludePinned { get; init; }

    /// <summary>
    /// Upgrade tenants outside their maintenance window too. Off: <see cref="All"/> leaves them waiting (reported with the time
    /// their window opens) and a named tenant outside its window is refused.
    /// </summary>
    public bool IgnoreWindows { get; init; }

    /// <summary>Monitor window after the health gate, in seconds. Default 5.</summary>
    public double MonitorSeconds { get; init; } = 5;

    /// <summary>Set on a resumed run: the fleet operation it continues (so a chain of dead runs can be followed back).</summary>
    public long? Resumes { get; init; }
}
