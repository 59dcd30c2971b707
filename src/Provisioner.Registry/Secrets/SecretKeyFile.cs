using System.Security.Cryptography;
using Provisioner.Core.Errors;

namespace Provisioner.Registry.Secrets;

/// <summary>
/// A 256-bit key kept base64 in a file of mode 0600 (its folder made 0700 when this creates it). Written atomically:
/// a temporary file, then a rename that never replaces an existing key (two processes racing to create one agree).
/// </summary>
internal static class SecretKeyFile
{
    public static bool Exists(string file) => File.Exists(file);

    /// <summary>The key in <paramref name="file"/>; a corrupt file is a <see cref="ProvisionerException"/> saying what to do.</summary>
    public static byte[] Read(string file)
    {
        try
        {
            var key = Convert.FromBase64String(File.ReadAllText(file).Trim());
            return key.Length == 32 ? key : throw new FormatException($"{key.Length} bytes instead of 32");
        }
        catch (FormatException e)
        {
            throw new ProvisionerException(
                $"the secret key file {file} is corrupt ({e.Message})",
                hint: "restore it from a backup; without it the tenants' stored secrets cannot be read");
        }
    }

    /// <summary>The key in <paramref name="file"/>, made (random) if there is none.</summary>
    public static byte[] ReadOrCreate(string file)
    {
        if (File.Exists(file))
        {
            return Read(file);
        }

        var key = RandomNumberGenerator.GetBytes(32);
        return TryCreate(file, key) ? key : Read(file);
    }

    /// <summary>Writes <paramref name="key"/> to <paramref name="file"/> unless one is there already (then false).</summary>
    public static bool TryCreate(string file, byte[] key)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(file))!;
        if (!Directory.Exists(folder))
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(folder);
            }
            else
            {
                Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }

        var temp = file + ".tmp" + Environment.ProcessId;
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temp, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(Convert.ToBase64String(key));
            writer.Flush();
            stream.Flush(flushToDisk: true);
        }

        try
        {
            File.Move(temp, file, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(file))
        {
            File.Delete(temp);
            return false;
        }
    }
}
