namespace Provisioner.Docker.Tests.Fakes;

/// <summary>A request the fake engine received.</summary>
internal sealed record RecordedRequest(HttpMethod Method, string PathAndQuery, string Body)
{
    /// <summary>The path without its query.</summary>
    public string Path => PathAndQuery.Split('?')[0];

    /// <summary>The raw (still escaped) query without the leading '?', or empty.</summary>
    public string Query => PathAndQuery.Contains('?', StringComparison.Ordinal) ? PathAndQuery[(PathAndQuery.IndexOf('?', StringComparison.Ordinal) + 1)..] : "";
}
