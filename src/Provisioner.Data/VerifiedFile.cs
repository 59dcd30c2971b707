using Provisioner.Core.Data;

namespace Provisioner.Data;

/// <summary>
/// A backup file written the safe way: into <c>PATH.partial</c>, synced, checked, and only then renamed to its final name.
/// Any failure deletes the partial file, so a path either holds a verified backup or nothing.
/// </summary>
internal static class VerifiedFile
{
    /// <param name="path">The final name.</param>
    /// <param name="write">Writes the content into the stream it is given.</param>
    /// <param name="verify">Checks the written partial file (its path is given) and returns the checksum to record, or throws.</param>
    /// <param name="ct">Cancels the write.</param>
    public static async Task<string> WriteAsync(string path, Func<Stream, Task> write, Func<string, Task<string>> verify, CancellationToken ct)
    {
        var partial = path + ".partial";
        try
        {
            await using (var file = OwnerOnlyFiles.Create(partial))
            {
                await write(file);
                await file.FlushAsync(ct);
                file.Flush(flushToDisk: true);
            }

            var checksum = await verify(partial);
            File.Move(partial, path, overwrite: true);
            return checksum;
        }
        catch
        {
            File.Delete(partial);
            throw;
        }
    }
}
