namespace Provisioner.Registry.Transfer;

/// <summary>
/// The first line of an export. <see cref="KeyId"/> names (one-way) the key the secrets are encrypted with; the key itself
/// is never exported.
/// </summary>
internal sealed record ExportHeader(string Type, int Version, DateTimeOffset ExportedAt, string Store, string? KeyId)
{
    public const string Marker = "provision-registry";

    public const int CurrentVersion = 1;
}
