namespace Provisioner.Docker.Engine;

/// <summary>How to reach a Docker engine. Every property has a working default; <see cref="Validate"/> reports all problems at once.</summary>
public sealed record DockerEngineOptions
{
    /// <summary>The endpoint used when <c>DOCKER_HOST</c> is not set.</summary>
    public const string DefaultUnixEndpoint = "unix:///var/run/docker.sock";

    /// <summary>Default for <see cref="RequestTimeout"/>: 30 seconds.</summary>
    public static readonly TimeSpan DefaultRequestTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The engine's address: <c>unix:///path/to/docker.sock</c>, or <c>tcp://host:port</c> (port 2375 when omitted).
    /// A <c>tcp://</c> address needs <see cref="TlsCertPath"/> unless its host is loopback: secrets cross the wire.
    /// Default: the <c>DOCKER_HOST</c> environment variable when set and non-empty, else <c>unix:///var/run/docker.sock</c>.
    /// </summary>
    public string Endpoint { get; init; } = DefaultEndpoint(Environment.GetEnvironmentVariable);

    /// <summary>
    /// A folder with <c>ca.pem</c> (the engine's CA), <c>cert.pem</c> and <c>key.pem</c> (this client's certificate):
    /// a <c>tcp://</c> engine is then spoken to over TLS, its certificate checked against that CA, with the client
    /// certificate (the engine's <c>--tlsverify</c>). Ignored for <c>unix://</c>. Default, as the docker CLI: when
    /// <c>DOCKER_TLS_VERIFY</c> is set, <c>DOCKER_CERT_PATH</c> (else <c>~/.docker</c>); otherwise none.
    /// </summary>
    public string? TlsCertPath { get; init; } = DefaultTlsCertPath(Environment.GetEnvironmentVariable);

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
        var endpoint = EngineAddress.TryParse(Endpoint, out var endpointError);
        if (endpoint is null)
        {
            problems.Add($"{nameof(Endpoint)}: {endpointError}");
        }
        else if (endpoint.Scheme == "tcp")
        {
            problems.AddRange(EngineTls.Problems(endpoint, TlsCertPath));
        }

        if (RequestTimeout != Timeout.InfiniteTimeSpan
            && (RequestTimeout <= TimeSpan.Zero || RequestTimeout.TotalMilliseconds > int.MaxValue))
        {
            problems.Add($"{nameof(RequestTimeout)}: must be positive and at most {TimeSpan.FromMilliseconds(int.MaxValue)} (or Timeout.InfiniteTimeSpan), was {RequestTimeout}");
        }

        return problems;
    }

    /// <summary>The default <see cref="TlsCertPath"/> given an environment lookup (the docker CLI's variables).</summary>
    internal static string? DefaultTlsCertPath(Func<string, string?> environment)
    {
        if (string.IsNullOrWhiteSpace(environment("DOCKER_TLS_VERIFY")) || environment("DOCKER_TLS_VERIFY") == "0")
        {
            return null;
        }

        return environment("DOCKER_CERT_PATH") is { Length: > 0 } path && !string.IsNullOrWhiteSpace(path)
            ? path.Trim()
            : Path.Combine(environment("HOME") ?? "~", ".docker");
    }

    /// <summary>The default endpoint given an environment lookup (testable without touching the process environment).</summary>
    internal static string DefaultEndpoint(Func<string, string?> environment) =>
        environment("DOCKER_HOST") is { Length: > 0 } host && !string.IsNullOrWhiteSpace(host) ? host.Trim() : DefaultUnixEndpoint;
}
