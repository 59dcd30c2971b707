namespace Provisioner.Cli.Hosting;

/// <summary>
/// Makes the log folder readable by its owner only (0700) and creates the day's log file 0600 before the file sink opens
/// it, tightening both if they already exist. Best effort: where the file system has no Unix modes (Windows, some mounts)
/// the logs are still written.
/// </summary>
internal static class OwnerOnlyLogFile
{
    private const UnixFileMode Folder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private const UnixFileMode File = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static void Prepare(string folder, string fileName)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
            return;
        }

        Directory.CreateDirectory(folder, Folder);
        var path = Path.Combine(folder, fileName);
        try
        {
            using (new FileStream(path, new FileStreamOptions { Mode = FileMode.Append, Access = FileAccess.Write, Share = FileShare.ReadWrite, UnixCreateMode = File }))
            {
            }

            System.IO.File.SetUnixFileMode(folder, Folder);
            System.IO.File.SetUnixFileMode(path, File);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Someone else's folder or a file system without modes: logging must never stop a command.
        }
    }
}
