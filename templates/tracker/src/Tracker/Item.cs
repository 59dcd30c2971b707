namespace Tracker;

/// <summary>
/// An item as stored. <see cref="Summary"/> is set by the worker; <see cref="Words"/> exists from schema 2 (2.0.0) on
/// and is null for items not processed by a 2.0.0 worker.
/// </summary>
internal sealed record Item(long Id, string Title, string State, string? Summary, Attachment? Attachment, int? Words, DateTimeOffset CreatedAt);
