namespace Provisioner.Core.Rotation;

/// <summary>
/// A tenant's rotation: the secrets changed (each verified: the new password logs in over TCP, the old one is refused)
/// and the health checks that passed after it. <see cref="Error"/> is set (and <see cref="Secrets"/> may be partial) when
/// a fleet rotation failed for this tenant.
/// </summary>
public sealed record RotationResult(string Tenant, IReadOnlyList<RotatedSecret> Secrets, int ChecksPassed, TimeSpan Elapsed, string? Error = null)
{
    public bool Succeeded => Error is null;
}
