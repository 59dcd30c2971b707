namespace Tracker;

/// <summary>What this app version's schema has, so the code can serve both 1.0.0 (schema 1) and 2.0.0 (schema 2).</summary>
internal sealed record SchemaFeatures(int Schema)
{
    public static SchemaFeatures Current { get; } = new(Tracker.Schema.ExpectedVersion(AppVersion.Current));

    /// <summary>Schema 2 (2.0.0): <c>items.words</c>, the word count of the title, set by the worker.</summary>
    public bool Words => Schema >= 2;
}
