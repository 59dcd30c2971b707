namespace Provisioner.Core.Tenants;

/// <summary>What the registry knows about a tenant: its intent (template, size), where it lives, its state and its encrypted secrets.</summary>
public sealed record TenantRecord(
    string Name,
    string Product,
    string Version,
    string Size,
    Backends.BackendKind Backend,
    string Host,
    string Status,
    string? Endpoint,
    int? HostPort,
    byte[] EncryptedSecrets,
    string? LastError,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public string TemplateRef => $"{Product}@{Version}";

    /// <summary>Set by <c>provision pin</c>: the tenant stays on this version and <c>upgrade --all</c> skips it.</summary>
    public string? PinnedVersion { get; init; }

    /// <summary>Set by <c>provision tenant --ttl/--expires</c>: after this, <c>provision expire</c> removes the tenant with its data (nothing else does).</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>Set by <c>provision window</c>: when <c>upgrade --all</c> may change the tenant (<see cref="Maintenance.MaintenanceWindow"/>'s text); null is always.</summary>
    public string? MaintenanceWindow { get; init; }
}
