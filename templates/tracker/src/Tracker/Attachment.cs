namespace Tracker;

/// <summary>What the database records about an item's uploaded file (the bytes live in the uploads volume).</summary>
internal sealed record Attachment(long Bytes, string Sha256);
