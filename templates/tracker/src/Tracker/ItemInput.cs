namespace Tracker;

/// <summary>Body of <c>POST /api/items</c>. <see cref="Attachment"/> is optional text, stored as a file in the uploads volume.</summary>
internal sealed record ItemInput(string? Title, string? Attachment);
