namespace Provisioner.Core.Secrets;

/// <summary>
/// Encrypts secrets at rest (the registry stores only ciphertext). The <c>context</c> (the tenant's name) is bound to the
/// ciphertext as associated data: a blob copied into another tenant's row does not open there.
/// </summary>
public interface ISecretProtector
{
    byte[] Protect(byte[] plaintext, string context);

    /// <summary>Opens what <see cref="Protect"/> made for the same context (and version-1 blobs, which had none).</summary>
    byte[] Unprotect(byte[] ciphertext, string context);
}
