namespace Notes;

/// <summary>
/// One schema step. <paramref name="IntroducedIn"/> is the app version that first needs it. <paramref name="CompatibleFrom"/>,
/// when set, is the oldest app version that keeps working on the schema this step leaves (an expand-only step: it adds,
/// never renames or drops); it is recorded in <c>schema_version</c>, so an older app running beside the migrated
/// database can tell that it may keep serving. Null: a breaking step.
/// </summary>
internal sealed record Migration(int Version, string IntroducedIn, string Description, string Sql, string? CompatibleFrom = null);
