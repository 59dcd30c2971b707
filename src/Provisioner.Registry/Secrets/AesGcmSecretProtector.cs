using System.Security.Cryptography;
using Provisioner.Core.Secrets;

namespace Provisioner.Registry.Secrets;

/// <summary>
/// AES-256-GCM with a random key kept in a 0600 file (<c>$PROVISIONER_HOME/secret.key</c>), created on first use.
/// Ciphertext layout: version byte, 12-byte nonce, 16-byte tag, ciphertext.
/// </summary>
internal sealed class AesGcmSecretProtector(string keyFile) : ISecretProtector
{
    private const byte Version = 1;
    private readonly Lazy<byte[]> _key = new(() => LoadOrCreateKey(keyFile));

    /// <summary>The key's one-way id (see <see cref="SecretKeyId"/>); creates the key file if there is none.</summary>
    public string KeyId => SecretKeyId.Of(_key.Value);

    public string KeyFile => keyFile;

    public byte[] Protect(byte[] plaintext)
    {
        var output = new byte[1 + 12 + 16 + plaintext.Length];
        output[0] = Version;
        var nonce = output.AsSpan(1, 12);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key.Value, 16);
        aes.Encrypt(nonce, plaintext, output.AsSpan(29), output.AsSpan(13, 16));
        return output;
    }

    public byte[] Unprotect(byte[] ciphertext)
    {
        if (ciphertext.Length == 0)
        {
            return [];
        }

        if (ciphertext.Length < 29 || ciphertext[0] != Version)
        {
            throw new CryptographicException("secrets blob has an unknown format");
        }

        var plaintext = new byte[ciphertext.Length - 29];
        using var aes = new AesGcm(_key.Value, 16);
        try
        {
            aes.Decrypt(ciphertext.AsSpan(1, 12), ciphertext.AsSpan(29), ciphertext.AsSpan(13, 16), plaintext);
        }
        catch (AuthenticationTagMismatchException e)
        {
            throw new Core.Errors.ProvisionerException(
                $"cannot decrypt tenant secrets with {keyFile}", hint: "the key file was replaced; restore the original secret.key", inner: e);
        }

        return plaintext;
    }

    private static byte[] LoadOrCreateKey(string file)
    {
        if (File.Exists(file))
        {
            return ReadKey(file);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        var key = RandomNumberGenerator.GetBytes(32);
        var temp = file + ".tmp" + Environment.ProcessId;
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temp, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(Convert.ToBase64String(key));
        }

        try
        {
            File.Move(temp, file, overwrite: false);
        }
        catch (IOException)
        {
            File.Delete(temp);
            return ReadKey(file);
        }

        return key;
    }

    private static byte[] ReadKey(string file)
    {
        try
        {
            var key = Convert.FromBase64String(File.ReadAllText(file).Trim());
            return key.Length == 32 ? key : throw new FormatException($"{key.Length} bytes instead of 32");
        }
        catch (FormatException e)
        {
            throw new Core.Errors.ProvisionerException(
                $"the secret key file {file} is corrupt ({e.Message})",
                hint: "restore it from a backup; without it the tenants' stored secrets cannot be read");
        }
    }
}
