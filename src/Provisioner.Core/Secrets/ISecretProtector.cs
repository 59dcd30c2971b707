namespace Provisioner.Core.Secrets;

/// <summary>Encrypts secrets at rest (the registry stores only ciphertext).</summary>
public interface ISecretProtector
{
    byte[] Protect(byte[] plaintext);

    byte[] Unprotect(byte[] ciphertext);
}
