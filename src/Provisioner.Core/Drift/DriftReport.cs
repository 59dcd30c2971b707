using Provisioner.Core.Errors;

namespace Provisioner.Core.Drift;

/// <summary>
/// What <c>provision drift</c> found: every difference, the tenants compared, those it could not compare (and why), and the time it took.
/// </summary>
public sealed record DriftReport(
    IReadOnlyList<DriftFinding> Findings,
    IReadOnlyList<string> Compared,
    IReadOnlyDictionary<string, string> NotCompared,
    TimeSpan Elapsed)
{
    /// <summary>Tenants with at least one finding.</summary>
    public int Drifted => Findings.Select(f => f.Tenant).Distinct(StringComparer.Ordinal).Count();

    /// <summary>6 (<see cref="ExitCodes.Drift"/>) when anything differs, else 0.</summary>
    public int ExitCode => Findings.Count > 0 ? ExitCodes.Drift : ExitCodes.Ok;
}
