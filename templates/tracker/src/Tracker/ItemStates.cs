namespace Tracker;

/// <summary>An item's lifecycle: filed by the web (<see cref="Queued"/>), summarised by the worker (<see cref="Processed"/>).</summary>
internal static class ItemStates
{
    public const string Queued = "queued";
    public const string Processed = "processed";
}
