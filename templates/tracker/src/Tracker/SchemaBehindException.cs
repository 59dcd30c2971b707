namespace Tracker;

/// <summary>The database's schema is older than this app version needs: <c>tracker migrate</c> has not run yet.</summary>
internal sealed class SchemaBehindException(int current, int expected)
    : Exception($"schema at {current}, expected {expected}: run migrate");
