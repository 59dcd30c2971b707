using Provisioner.Core.Tenants;

namespace Provisioner.Registry.Transfer;

/// <summary>A tenant in an export: its record, pin, expiry and maintenance window included, with its secrets as the registry holds them (encrypted, base64).</summary>
internal sealed record TenantLine(
    string Type, string Name, string Product, string Version, string Size, string Backend, string Host, string Status, string? Endpoint,
    int? HostPort, byte[] Secrets, string? LastError, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string? PinnedVersion,
    DateTimeOffset? ExpiresAt = null, string? MaintenanceWindow = null)
{
    public const string Marker = "tenant";

    public static TenantLine From(TenantRecord t) => new(
        Marker, t.Name, t.Product, t.Version, t.Size, t.Backend.Name, t.Host, t.Status, t.Endpoint, t.HostPort, t.EncryptedSecrets, t.LastError,
        t.CreatedAt, t.UpdatedAt, t.PinnedVersion, t.ExpiresAt, t.MaintenanceWindow);

    public TenantRecord ToRecord() =>
        new(Name, Product, Version, Size, Core.Backends.BackendKind.Of(Backend), Host, Status, Endpoint, HostPort, Secrets ?? [], LastError, CreatedAt, UpdatedAt)
        {
            PinnedVersion = PinnedVersion,
            ExpiresAt = ExpiresAt,
            MaintenanceWindow = MaintenanceWindow,
        };
}
