using System.Security.Cryptography;

namespace Provisioner.Aws.Backend;

/// <summary>
/// The passphrase of the Pulumi passphrase secrets provider: 32 random bytes, created once (mode 0600) beside the
/// file backend. It encrypts every tenant stack's secrets; losing it loses them.
/// </summary>
internal static class PassphraseFile
{
    public static void Ensure(string path)
    {
        if (File.Exists(path))
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using var stream = new FileStream(path, options);
            using var writer = new StreamWriter(stream);
            writer.Write(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        }
        catch (IOException) when (File.Exists(path))
        {
            // another provision process created it first
        }
    }
}
