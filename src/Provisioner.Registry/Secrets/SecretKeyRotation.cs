using System.Security.Cryptography;
using Provisioner.Core.Errors;
using Provisioner.Core.Tenants;

namespace Provisioner.Registry.Secrets;

/// <summary>
/// Replaces the secret key and re-encrypts every tenant's secrets with the new one, resumable after a kill at any point:
/// (1) the new key is written beside the old one (<c>KEYFILE.next</c>, 0600) — from then on every process encrypts with
/// it and opens blobs under either key (each blob names its key); (2) each tenant, under its lock, is re-encrypted; (3) the
/// new key is renamed over the old one, which is then gone. A rerun after a kill finds <c>.next</c> and carries on.
/// A tenant whose lock is held stops the run (exit 3) before the rename; rerun when that operation ends.
/// </summary>
internal sealed class SecretKeyRotation(ITenantRegistry registry, ILockManager locks, AesGcmSecretProtector protector)
{
    public async Task<KeyRotationResult> RunAsync(IProgress<string>? progress, CancellationToken ct)
    {
        using var held = locks.Acquire("secret key", "key rotate");
        var oldId = SecretKeyFile.Exists(protector.KeyFile) ? SecretKeyId.Of(SecretKeyFile.Read(protector.KeyFile)) : "none";
        if (!SecretKeyFile.TryCreate(protector.NextKeyFile, RandomNumberGenerator.GetBytes(32)))
        {
            progress?.Report($"resuming the rotation begun earlier ({protector.NextKeyFile} exists)");
        }

        var newId = SecretKeyId.Of(SecretKeyFile.Read(protector.NextKeyFile));
        var tenants = await registry.ListAsync(ct);
        var done = 0;
        foreach (var name in tenants.Select(t => t.Name))
        {
            ct.ThrowIfCancellationRequested();
            using var tenantLock = locks.Acquire($"tenant {name}", "key rotate");
            var tenant = await registry.GetAsync(name, ct);
            if (tenant is null || protector.IsUnderNewestKey(tenant.EncryptedSecrets))
            {
                continue;
            }

            var plaintext = protector.Unprotect(tenant.EncryptedSecrets, name);
            await registry.SaveAsync(tenant with { EncryptedSecrets = protector.Protect(plaintext, name) }, ct);
            done++;
            progress?.Report($"re-encrypted {name}'s secrets");
        }

        File.Move(protector.NextKeyFile, protector.KeyFile, overwrite: true);
        return new KeyRotationResult(protector.KeyFile, oldId, newId, tenants.Count, done);
    }

    /// <summary>The rotation for a registry, or a clear refusal where it is not supported yet.</summary>
    public static SecretKeyRotation For(RegistryStores stores) =>
        stores.Protector is AesGcmSecretProtector own && stores.Store == "sqlite"
            ? new SecretKeyRotation(stores.Registry, stores.Locks, own)
            : throw new BadInputException(
                $"key rotate works on a registry of one home (SQLite) for now; {stores.Description} is shared, and every operator's copy of the team's key would have to change at once",
                "rotate on a SQLite home: registry export, rotate there, import into a new shared database (docs/registry.md)");
}
