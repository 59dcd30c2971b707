namespace Provisioner.Docker.Engine;

/// <summary>How to reach a Docker engine. Every property has a working default; <see cref="Validate"/> reports all problems at once.</summary>
public sealed record DockerEngineOptions
{
    /// <summary>The endpoint used when <c>DOCKER_HOST</c> is not set.</summary>
    public const string DefaultUnixEndpoint = "unix:///var/run/docker.sock";

    /// <summary>Default for <see cref="RequestTimeout"/>: 30 seconds.</summary>
    public static readonly TimeSpan DefaultRequestTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The engine's address: <c>unix:///path/to/docker.sock</c>, or <c>tcp://host:port</c> (plain HTTP, no TLS;
    /// port 2375 when omitted). Default: the <c>DOCKER_HOST</c> environment variable when set and non-empty,
    /// else <c>unix:///var/run/docker.sock</c>.
    /// </summary>
    public string Endpoint { get; init; } = DefaultEndpoint(Environment.GetEnvironmentVariable);

    /// <summary>
    /// Client-side deadline of ordinary requests, retries included. Default: 30 seconds. Calls that wait on the
    /// engine (container wait and stop, logs, exec, archive upload) have no client deadline and are bounded only by
    /// the caller's cancellation token (Docker.DotNet's behaviour). <see cref="Timeout.InfiniteTimeSpan"/> disables it.
    /// </summary>
    public TimeSpan RequestTimeout { get; init; } = DefaultRequestTimeout;

    /// <summary>Every problem with these options, each naming the property; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (EngineAddress.TryParse(Endpoint, out var endpointError) is null)
        {
            problems.Add($"{nameof(Endpoint)}: {endpointError}");
        }

        if (RequestTimeout != Timeout.InfiniteTimeSpan
            && (RequestTimeout <= TimeSpan.Zero || RequestTimeout.TotalMilliseconds > int.MaxValue))
        {
            problems.Add($"{nameof(RequestTimeout)}: must be positive and at most {TimeSpan.FromMilliseconds(int.MaxValue)} (or Timeout.InfiniteTimeSpan), was {RequestTimeout}");
        }

        return problems;
    }

    /// <summary>The default endpoint given an environment lookup (testable without touching the process environment).</summary>
    internal static string DefaultEndpoint(Func<string, string?> environment) =>
        environment("DOCKER_HOST") is { Length: > 0 } host && !string.IsNullOrWhiteSpace(host) ? host.Trim() : DefaultUnixEndpoint;
}
