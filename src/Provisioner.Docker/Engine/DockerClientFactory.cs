namespace Provisioner.Docker.Engine;

/// <summary>Creates <see cref="IDockerClient"/>s.</summary>
public static class DockerClientFactory
{
    /// <summary>A client for the default engine (<c>DOCKER_HOST</c>, else <c>unix:///var/run/docker.sock</c>).</summary>
    public static IDockerClient Create() => Create(new DockerClientOptions());

    /// <summary>
    /// A client for the engine in <paramref name="options"/>. Nothing is contacted until the first call;
    /// the API version is negotiated then.
    /// </summary>
    /// <exception cref="ArgumentException">The options are invalid; the message lists every problem.</exception>
    public static IDockerClient Create(DockerClientOptions options)
    {
        var endpoint = ValidateAndParse(options);
        var handler = DockerHttpHandlerFactory.Create(new DockerSocketConnector(endpoint));
        return Create(options, endpoint, handler, TimeProvider.System, DockerRetryPipeline.DefaultBaseDelay);
    }

    /// <summary>For tests: a client over any handler, time source and retry delay.</summary>
    internal static IDockerClient Create(
        DockerClientOptions options,
        HttpMessageHandler handler,
        TimeProvider timeProvider,
        TimeSpan retryBaseDelay) =>
        Create(options, ValidateAndParse(options), handler, timeProvider, retryBaseDelay);

    private static IDockerClient Create(
        DockerClientOptions options,
        DockerEndpoint endpoint,
        HttpMessageHandler handler,
        TimeProvider timeProvider,
        TimeSpan retryBaseDelay)
    {
        var retry = DockerRetryPipeline.Create(timeProvider, retryBaseDelay);
        return new DockerClient(new DockerTransport(handler, endpoint, options, retry, timeProvider));
    }

    private static DockerEndpoint ValidateAndParse(DockerClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(
                "Invalid Docker client options:" + string.Concat(problems.Select(problem => "\n  - " + problem)),
                nameof(options));
        }

        return DockerEndpoint.TryParse(options.Endpoint, out _)!;
    }
}
