namespace Provisioner.Core.Data;

/// <summary>
/// Backups hold a customer's whole data: their folders are created 0700 and their files 0600, so only the user
/// running <c>provision</c> can read them, whatever the umask.
/// </summary>
internal static class OwnerOnlyFiles
{
    private const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Creates <paramref name="path"/> and each of its missing parents as 0700 (an existing folder keeps its mode).</summary>
    public static void CreateFolder(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }

        // CreateDirectory(path, mode) gives the mode to the last folder only: create the missing ones top-down.
        var missing = new Stack<string>();
        for (var folder = Path.GetFullPath(path); !Directory.Exists(folder); folder = Path.GetDirectoryName(folder)!)
        {
            missing.Push(folder);
        }

        while (missing.Count > 0)
        {
            Directory.CreateDirectory(missing.Pop(), FolderMode);
        }
    }

    /// <summary>A new file (replacing any old one) that only its owner can read or write.</summary>
    public static FileStream Create(string path)
    {
        var options = new FileStreamOptions { Mode = System.IO.FileMode.Create, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = FileMode;
        }

        var stream = new FileStream(path, options);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(stream.SafeFileHandle, FileMode);   // an existing file keeps its mode on open
        }

        return stream;
    }
}
