using Docker.DotNet.Handler.Abstractions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Provisioner.Docker.Engine;

/// <summary>Creates <see cref="DockerEngine"/>s.</summary>
internal static class DockerEngineFactory
{
    /// <summary>The default engine (<c>DOCKER_HOST</c>, else <c>unix:///var/run/docker.sock</c>).</summary>
    public static DockerEngine Create() => Create(new DockerEngineOptions());

    /// <summary>
    /// The engine in <paramref name="options"/>. Nothing is contacted until the first call. No API version is pinned:
    /// the engine answers at its own version (1.41 on Docker 20.10, newer on current engines).
    /// </summary>
    /// <exception cref="ArgumentException">The options are invalid; the message lists every problem.</exception>
    public static DockerEngine Create(DockerEngineOptions options, ILogger? log = null) =>
        Create(options, transport: null, EngineRetryPipeline.DefaultBaseDelay, log ?? NullLogger.Instance);

    /// <summary>For tests: an engine over any transport (a fake handler) and retry delay.</summary>
    internal static DockerEngine Create(DockerEngineOptions options, IDockerHandlerFactory? transport, TimeSpan retryBaseDelay, ILogger log)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(
                "Invalid Docker engine options:" + string.Concat(problems.Select(problem => "\n  - " + problem)),
                nameof(options));
        }

        var endpoint = EngineAddress.TryParse(options.Endpoint, out _)!;
        var builder = new EngineClientBuilder(EngineRetryPipeline.Create(retryBaseDelay, log), transport);
        builder.WithEndpoint(endpoint).WithTimeout(options.RequestTimeout);
        if (endpoint.Scheme == "tcp" && !string.IsNullOrWhiteSpace(options.TlsCertPath))
        {
            builder.WithAuthProvider(EngineTls.Credentials(options.TlsCertPath));
        }

        return new DockerEngine(builder.Build(), endpoint, options.RequestTimeout, builder.BuildRawClient());
    }
}
