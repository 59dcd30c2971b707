namespace Tracker;

/// <summary>An item as the API shows it: <c>words</c> only from 2.0.0 (schema 2) on, <c>attachment</c> null when there is none.</summary>
internal static class ItemJson
{
    public static object From(Item item, SchemaFeatures features)
    {
        var attachment = item.Attachment is { } a ? new { bytes = a.Bytes, sha256 = a.Sha256 } : null;
        return features.Words
            ? new { id = item.Id, title = item.Title, state = item.State, summary = item.Summary, attachment, words = item.Words, createdAt = item.CreatedAt }
            : new { id = item.Id, title = item.Title, state = item.State, summary = item.Summary, attachment, createdAt = item.CreatedAt };
    }
}
