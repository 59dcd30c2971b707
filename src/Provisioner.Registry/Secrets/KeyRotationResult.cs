namespace Provisioner.Registry.Secrets;

/// <summary>What <c>provision key rotate</c> did: the key ids before and after, and how many tenants' secrets it re-encrypted.</summary>
/// <param name="KeyFile">The key file, now holding the new key.</param>
/// <param name="OldKeyId">One-way id of the replaced key.</param>
/// <param name="NewKeyId">One-way id of the new key.</param>
/// <param name="Tenants">Tenants in the registry (destroyed ones too: they keep their secrets).</param>
/// <param name="Reencrypted">Tenants whose secrets this run re-encrypted (fewer than <paramref name="Tenants"/> when resuming).</param>
public sealed record KeyRotationResult(string KeyFile, string OldKeyId, string NewKeyId, int Tenants, int Reencrypted);
