namespace Tracker;

/// <summary>
/// Attachments as files <c>&lt;id&gt;.bin</c> in the uploads directory (a volume). A file is written under a temporary
/// name and renamed, so a reader (or an archive backup) never sees half of one.
/// </summary>
internal sealed class Uploads(string root)
{
    public string Root => root;

    public bool RootExists => Directory.Exists(root);

    public async Task WriteAsync(long id, byte[] content, CancellationToken ct)
    {
        var temp = Path.Combine(root, $".{id}.bin.{Guid.NewGuid():N}.tmp");
        try
        {
            var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous);
            await using (stream.ConfigureAwait(false))
            {
                await stream.WriteAsync(content, ct).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, PathOf(id), overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            throw new UploadsException($"cannot write attachment {id} to {root}: {e.Message}", e);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>The attachment's bytes as a stream, or null when there is no such file.</summary>
    public Stream? Open(long id)
    {
        try
        {
            return new FileStream(PathOf(id), FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.Asynchronous);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UploadsException($"cannot read attachment {id} from {root}: {e.Message}", e);
        }
    }

    /// <summary>Removes the attachment's file; a missing file is fine.</summary>
    public void Delete(long id)
    {
        try
        {
            File.Delete(PathOf(id));
        }
        catch (DirectoryNotFoundException)
        {
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UploadsException($"cannot delete attachment {id} from {root}: {e.Message}", e);
        }
    }

    private string PathOf(long id) => Path.Combine(root, $"{id}.bin");

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: a leftover .tmp file is harmless and never served.
        }
    }
}
