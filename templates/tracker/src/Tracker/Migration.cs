namespace Tracker;

/// <summary>One schema step. <paramref name="IntroducedIn"/> is the app version that first needs it.</summary>
internal sealed record Migration(int Version, string IntroducedIn, string Description, string Sql);
