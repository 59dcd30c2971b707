using Provisioner.Core.Errors;

namespace Provisioner.Cli.Reports;

/// <summary>
/// Writes a file so that a reader (a metrics collector, a web server) sees the old content or the new, never half of it:
/// a temporary file beside it, then a rename over it. The temporary name does not end in <c>.prom</c>, so the textfile
/// collector never reads it.
/// </summary>
internal static class AtomicFile
{
    public static async Task WriteAsync(string path, string content, string option, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(path);
        var temp = $"{full}.{Environment.ProcessId}.tmp";
        try
        {
            await File.WriteAllTextAsync(temp, content, cancellationToken);
            File.Move(temp, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            throw new BadInputException($"cannot write {path}: {e.Message}", $"choose a writable path for {option}");
        }
    }

    private static void TryDelete(string temp)
    {
        try
        {
            File.Delete(temp);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Nothing more to do: the temporary file is left, the target is untouched.
        }
    }
}
