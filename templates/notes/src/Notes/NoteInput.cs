namespace Notes;

/// <summary>Body of <c>POST /api/notes</c>. <see cref="Title"/> is honoured from 1.1.0 (schema 2) on.</summary>
internal sealed record NoteInput(string? Body, string? Title);
