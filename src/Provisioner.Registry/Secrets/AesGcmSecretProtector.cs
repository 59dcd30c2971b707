using System.Security.Cryptography;
using System.Text;
using Provisioner.Core.Errors;
using Provisioner.Core.Secrets;

namespace Provisioner.Registry.Secrets;

/// <summary>
/// AES-256-GCM with a random key kept in a 0600 file (<c>$PROVISIONER_HOME/secret.key</c>, or <c>PROVISIONER_KEY_FILE</c>),
/// created on first use. Version 2 layout: version byte (2), the key's 8-byte id, 12-byte nonce, 16-byte tag, ciphertext;
/// the associated data is the context (the tenant's name), so a blob copied to another tenant's row does not open there.
/// Version 1 blobs (no key id, no associated data) still open. While a key rotation runs, <c>KEYFILE.next</c> exists: new
/// blobs use it, and blobs under either key open (each names its key); see <see cref="SecretKeyRotation"/>.
/// The key files are read on every use, so a process that outlives a rotation does not keep writing with the old key.
/// </summary>
internal sealed class AesGcmSecretProtector(string keyFile) : ISecretProtector
{
    private const byte Version1 = 1;
    private const byte Version2 = 2;
    private const int IdLength = 8;
    private const int V1Header = 1 + 12 + 16;
    private const int V2Header = 1 + IdLength + 12 + 16;

    public string KeyFile => keyFile;

    /// <summary>The key a rotation moves to; it exists only while one is unfinished.</summary>
    public string NextKeyFile => keyFile + ".next";

    /// <summary>The current key's one-way id (see <see cref="SecretKeyId"/>); creates the key file if there is none.</summary>
    public string KeyId => SecretKeyId.Of(SecretKeyFile.ReadOrCreate(keyFile));

    public byte[] Protect(byte[] plaintext, string context)
    {
        var key = SecretKeyFile.Exists(NextKeyFile) ? SecretKeyFile.Read(NextKeyFile) : SecretKeyFile.ReadOrCreate(keyFile);
        var output = new byte[V2Header + plaintext.Length];
        output[0] = Version2;
        RawId(key).CopyTo(output.AsSpan(1, IdLength));
        var nonce = output.AsSpan(1 + IdLength, 12);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, 16);
        aes.Encrypt(nonce, plaintext, output.AsSpan(V2Header), output.AsSpan(1 + IdLength + 12, 16), Associated(context));
        return output;
    }

    public byte[] Unprotect(byte[] ciphertext, string context)
    {
        if (ciphertext.Length == 0)
        {
            return [];
        }

        return ciphertext[0] switch
        {
            Version2 when ciphertext.Length >= V2Header => OpenV2(ciphertext, context),
            Version1 when ciphertext.Length >= V1Header => OpenV1(ciphertext),
            _ => throw new CryptographicException("secrets blob has an unknown format"),
        };
    }

    /// <summary>Whether <paramref name="ciphertext"/> is already under the key a rotation moves to (or, with none running, the current one).</summary>
    public bool IsUnderNewestKey(byte[] ciphertext)
    {
        if (ciphertext.Length == 0)
        {
            return true;
        }

        var newest = SecretKeyFile.Exists(NextKeyFile) ? SecretKeyFile.Read(NextKeyFile) : SecretKeyFile.ReadOrCreate(keyFile);
        return ciphertext[0] == Version2 && ciphertext.Length >= V2Header && ciphertext.AsSpan(1, IdLength).SequenceEqual(RawId(newest));
    }

    private byte[] OpenV2(byte[] ciphertext, string context)
    {
        var id = ciphertext[1..(1 + IdLength)];
        var key = Keys().FirstOrDefault(k => RawId(k).AsSpan().SequenceEqual(id))
            ?? throw new ProvisionerException(
                $"tenant secrets for '{context}' were encrypted with a key other than {keyFile} (key id {Convert.ToHexStringLower(id)})",
                hint: "restore the key file they were written with (a rotation replaces it: restore the registry and key from the same time)");
        var plaintext = new byte[ciphertext.Length - V2Header];
        using var aes = new AesGcm(key, 16);
        try
        {
            aes.Decrypt(ciphertext.AsSpan(1 + IdLength, 12), ciphertext.AsSpan(V2Header), ciphertext.AsSpan(1 + IdLength + 12, 16), plaintext, Associated(context));
        }
        catch (AuthenticationTagMismatchException e)
        {
            throw new ProvisionerException(
                $"the stored secrets do not open as tenant '{context}'s: they belong to another tenant or were altered",
                hint: "restore the registry from a backup; secrets cannot be moved between tenants", inner: e);
        }

        return plaintext;
    }

    private byte[] OpenV1(byte[] ciphertext)
    {
        var plaintext = new byte[ciphertext.Length - V1Header];
        foreach (var key in Keys())
        {
            using var aes = new AesGcm(key, 16);
            try
            {
                aes.Decrypt(ciphertext.AsSpan(1, 12), ciphertext.AsSpan(V1Header), ciphertext.AsSpan(13, 16), plaintext);
                return plaintext;
            }
            catch (AuthenticationTagMismatchException)
            {
                // try the next key (a rotation in progress)
            }
        }

        throw new ProvisionerException($"cannot decrypt tenant secrets with {keyFile}", hint: "the key file was replaced; restore the original secret.key");
    }

    private IEnumerable<byte[]> Keys()
    {
        if (SecretKeyFile.Exists(keyFile))
        {
            yield return SecretKeyFile.Read(keyFile);
        }

        if (SecretKeyFile.Exists(NextKeyFile))
        {
            yield return SecretKeyFile.Read(NextKeyFile);
        }
    }

    private static byte[] Associated(string context) => Encoding.UTF8.GetBytes("provision tenant secrets v2\0" + context);

    private static byte[] RawId(byte[] key) => Convert.FromHexString(SecretKeyId.Of(key));
}
