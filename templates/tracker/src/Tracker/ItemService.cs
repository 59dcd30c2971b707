using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Tracker.Redis;

namespace Tracker;

/// <summary>Files an item: the row and its attachment file together, then a job for the worker.</summary>
internal sealed class ItemService(ItemStore store, Uploads uploads, RedisLink queue, ILogger<ItemService> logger)
{
    public async Task<Item> FileAsync(string title, string? attachmentText, CancellationToken ct)
    {
        var content = attachmentText is null ? null : Encoding.UTF8.GetBytes(attachmentText);
        var attachment = content is null ? null : new Attachment(content.Length, Convert.ToHexStringLower(SHA256.HashData(content)));
        long? written = null;
        Item item;
        try
        {
            item = await store.CreateAsync(title, attachment, async (id, token) =>
            {
                if (content is not null)
                {
                    written = id;
                    await uploads.WriteAsync(id, content, token).ConfigureAwait(false);
                }
            }, ct).ConfigureAwait(false);
        }
        catch when (written is { } orphan)
        {
            // The row was not committed; its id is never handed out again, so its file can go.
            TryDelete(orphan);
            throw;
        }

        try
        {
            await queue.UseAsync((redis, token) => redis.LPushAsync(QueueKeys.Jobs, item.Id.ToString(CultureInfo.InvariantCulture), token), ct)
                .ConfigureAwait(false);
        }
        catch (RedisException e)
        {
            // The item is filed (the database is the truth); the worker's sweep of stale queued items picks it up.
            logger.LogWarning("item {Id} filed but not queued, the worker's sweep will pick it up: {Error}", item.Id, e.Message);
        }

        return item;
    }

    public async Task<bool> DeleteAsync(long id, CancellationToken ct)
    {
        if (!await store.DeleteAsync(id, ct).ConfigureAwait(false))
        {
            return false;
        }

        uploads.Delete(id);
        return true;
    }

    private void TryDelete(long id)
    {
        try
        {
            uploads.Delete(id);
        }
        catch (UploadsException e)
        {
            logger.LogWarning("could not remove the attachment of uncommitted item {Id}: {Error}", id, e.Message);
        }
    }
}
