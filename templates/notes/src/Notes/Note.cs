namespace Notes;

/// <summary>A note as the API returns it. <see cref="Title"/> is null (and omitted) before schema version 2.</summary>
internal sealed record Note(long Id, string? Title, string Body, DateTimeOffset CreatedAt);
