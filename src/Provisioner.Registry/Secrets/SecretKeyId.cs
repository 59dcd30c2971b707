using System.Security.Cryptography;
using System.Text;

namespace Provisioner.Registry.Secrets;

/// <summary>
/// A short, one-way name for a secret key (HMAC of a constant under the key): the shared registry and exports record it
/// so a client with the wrong key is told so, instead of writing secrets nobody else can read. It reveals nothing of the key.
/// </summary>
internal static class SecretKeyId
{
    public static string Of(byte[] key) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes("provision secret key id v1")))[..16];

    /// <summary>The id of the key in <paramref name="keyFile"/>, or null when there is no key file (nothing was encrypted with it).</summary>
    public static string? OfFile(string keyFile) => File.Exists(keyFile) ? new AesGcmSecretProtector(keyFile).KeyId : null;
}
