using Provisioner.Core.Errors;

namespace Provisioner.Cli.Hosting;

/// <summary>
/// A write that met a full filesystem (ENOSPC: a backup file, a lock's holder file) as one line that starts with
/// "disk full:" and names the file when the system said which. The operations delete what they left unfinished.
/// </summary>
internal static class DiskFullFault
{
    private const int NoSpace = 28; // ENOSPC, as .NET reports it on Linux in IOException.HResult
    private const string Text = "No space left on device";
    private const string Hint = "free space on that filesystem (or point `backups.directory` elsewhere) and rerun; nothing was half-written";

    public static ProvisionerException? Map(Exception e)
    {
        if (e is ProvisionerException p)
        {
            return p.Message.Contains(Text, StringComparison.Ordinal) && !p.Message.StartsWith("disk full", StringComparison.Ordinal)
                ? new ProvisionerException($"disk full: {p.Message}", p.ExitCode, p.Hint ?? Hint, p)
                : null;
        }

        for (var x = (Exception?)e; x is not null; x = x.InnerException)
        {
            if (x is IOException io && (io.HResult == NoSpace || io.Message.Contains(Text, StringComparison.Ordinal)))
            {
                return new ProvisionerException($"disk full: {io.Message}", ExitCodes.Failed, Hint, e);
            }
        }

        return null;
    }
}
