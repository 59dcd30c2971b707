namespace Provisioner.Docker.Engine;

/// <summary>How to reach a Docker engine. Every property has a working default; <see cref="Validate"/> reports all problems at once.</summary>
public sealed record DockerClientOptions
{
    /// <summary>The endpoint used when <c>DOCKER_HOST</c> is not set.</summary>
    public const string DefaultUnixEndpoint = "unix:///var/run/docker.sock";

    /// <summary>Default for <see cref="MaxApiVersion"/>: the version the client's JSON shapes follow.</summary>
    public const string DefaultMaxApiVersion = "1.41";

    /// <summary>Default for <see cref="RequestTimeout"/>: 30 seconds.</summary>
    public static readonly TimeSpan DefaultRequestTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The engine's address: <c>unix:///path/to/docker.sock</c>, or <c>tcp://host:port</c> (plain HTTP, no TLS;
    /// port 2375 when omitted). Default: the <c>DOCKER_HOST</c> environment variable when set and non-empty,
    /// else <c>unix:///var/run/docker.sock</c>.
    /// </summary>
    public string Endpoint { get; init; } = DefaultEndpoint(Environment.GetEnvironmentVariable);

    /// <summary>
    /// Client-side deadline for ordinary requests, including retries. Default: 30 seconds.
    /// Long operations (container wait, logs, exec, archive upload, image save/load) have no client
    /// deadline and are bounded only by the caller's cancellation token; stop/restart get this plus the stop timeout.
    /// <see cref="Timeout.InfiniteTimeSpan"/> disables the deadline.
    /// </summary>
    public TimeSpan RequestTimeout { get; init; } = DefaultRequestTimeout;

    /// <summary>
    /// Highest API version to speak. The client uses min(engine's version from <c>GET /_ping</c>, this).
    /// Default: <c>"1.41"</c> (Docker Engine 20.10).
    /// </summary>
    public string MaxApiVersion { get; init; } = DefaultMaxApiVersion;

    /// <summary>Every problem with these options, each naming the property; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (DockerEndpoint.TryParse(Endpoint, out var endpointError) is null)
        {
            problems.Add($"{nameof(Endpoint)}: {endpointError}");
        }

        if (RequestTimeout != Timeout.InfiniteTimeSpan
            && (RequestTimeout <= TimeSpan.Zero || RequestTimeout.TotalMilliseconds > int.MaxValue))
        {
            problems.Add($"{nameof(RequestTimeout)}: must be positive and at most {TimeSpan.FromMilliseconds(int.MaxValue)} (or Timeout.InfiniteTimeSpan), was {RequestTimeout}");
        }

        if (!ApiVersion.TryParse(MaxApiVersion, out var max) || max < new Version(1, 24))
        {
            problems.Add($"{nameof(MaxApiVersion)}: must be an API version like \"1.41\", at least 1.24, was '{MaxApiVersion}'");
        }

        return problems;
    }

    /// <summary>The default endpoint given an environment lookup (testable without touching the process environment).</summary>
    internal static string DefaultEndpoint(Func<string, string?> environment) =>
        environment("DOCKER_HOST") is { Length: > 0 } host && !string.IsNullOrWhiteSpace(host) ? host.Trim() : DefaultUnixEndpoint;
}
