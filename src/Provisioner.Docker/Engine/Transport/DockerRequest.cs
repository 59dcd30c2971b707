namespace Provisioner.Docker.Engine;

/// <summary>
/// One Engine API call. Paths are written without the <c>/v1.xx</c> prefix; the transport adds it.
/// <see cref="Content"/> is a factory so a retried request gets a fresh body.
/// </summary>
internal sealed record DockerRequest(HttpMethod Method, string Path)
{
    public QueryString? Query { get; init; }

    public Func<HttpContent>? Content { get; init; }

    /// <summary>Whether the path gets the negotiated <c>/v1.xx</c> prefix (false only for <c>/_ping</c>).</summary>
    public bool Versioned { get; init; } = true;

    /// <summary>
    /// Client-side deadline: null means <see cref="DockerClientOptions.RequestTimeout"/>;
    /// <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> means none (long operations bounded only by the caller's token).
    /// </summary>
    public TimeSpan? ClientTimeout { get; init; }

    /// <summary>Non-error statuses besides 2xx, e.g. 304 Not Modified for start/stop.</summary>
    public IReadOnlyCollection<int> AlsoSuccessful { get; init; } = [];

    /// <summary>Only GET and HEAD are retried on transient failures.</summary>
    public bool IsIdempotent => Method == HttpMethod.Get || Method == HttpMethod.Head;

    public static DockerRequest Get(string path, QueryString? query = null) => new(HttpMethod.Get, path) { Query = query };

    public static DockerRequest Post(string path, QueryString? query = null) => new(HttpMethod.Post, path) { Query = query };

    public static DockerRequest Delete(string path, QueryString? query = null) => new(HttpMethod.Delete, path) { Query = query };

    public static DockerRequest PostJson<T>(string path, T body, QueryString? query = null) =>
        new(HttpMethod.Post, path) { Query = query, Content = () => DockerJson.Content(body) };

    /// <summary>Method and path as shown in errors.</summary>
    public string Describe(string prefix) => $"{Method} {prefix}{Path}";
}
