namespace Provisioner.Core.Checks;

/// <summary>
/// What <c>provision check</c> looks at: one tenant by name, or every tenant (<see cref="Tenant"/> null), at most
/// <see cref="Parallel"/> at a time (default 4).
/// </summary>
public sealed record CheckRequest(string? Tenant = null, int Parallel = 4)
{
    /// <summary>Results kept per tenant in the registry; older ones are pruned on write. Default 100.</summary>
    public int Keep { get; init; } = 100;
}
