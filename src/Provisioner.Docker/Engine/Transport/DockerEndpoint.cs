namespace Provisioner.Docker.Engine;

/// <summary>A parsed engine address: a unix socket path, or a TCP host and port spoken to in plain HTTP.</summary>
internal sealed record DockerEndpoint
{
    /// <summary>Port used for <c>tcp://host</c> without a port, as the docker CLI does.</summary>
    public const int DefaultTcpPort = 2375;

    private DockerEndpoint(Uri uri, string display, string? socketPath, string? host, int port)
    {
        Uri = uri;
        Display = display;
        SocketPath = socketPath;
        Host = host;
        Port = port;
    }

    /// <summary>The endpoint as a URI (<c>unix:///var/run/docker.sock</c>, <c>tcp://10.0.0.5:2375</c>).</summary>
    public Uri Uri { get; }

    /// <summary>The endpoint as the user wrote it, for messages.</summary>
    public string Display { get; }

    /// <summary>Socket path for <c>unix://</c>; null for TCP.</summary>
    public string? SocketPath { get; }

    /// <summary>Host for <c>tcp://</c>; null for unix sockets.</summary>
    public string? Host { get; }

    /// <summary>Port for <c>tcp://</c>; 0 for unix sockets.</summary>
    public int Port { get; }

    /// <summary>Base address HttpClient requests are made against (the host part is not used on a socket).</summary>
    public Uri BaseAddress => SocketPath is null ? new Uri($"http://{Uri.Authority}/") : new Uri("http://docker/");

    /// <summary>Parses <c>unix:///path</c> or <c>tcp://host[:port]</c>; returns null and a reason otherwise.</summary>
    public static DockerEndpoint? TryParse(string? value, out string error)
    {
        error = "";
        if (string.IsNullOrWhiteSpace(value))
        {
            error = "must not be empty (use unix:///var/run/docker.sock or tcp://host:port)";
            return null;
        }

        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri))
        {
            error = $"'{value}' is not a URI (use unix:///path/to/docker.sock or tcp://host:port)";
            return null;
        }

        switch (uri.Scheme)
        {
            case "unix" when uri.AbsolutePath.Length > 1 && string.IsNullOrEmpty(uri.Host):
                return new DockerEndpoint(uri, value.Trim(), Uri.UnescapeDataString(uri.AbsolutePath), null, 0);
            case "unix":
                error = $"'{value}' must name an absolute socket path, e.g. unix:///var/run/docker.sock";
                return null;
            case "tcp" when !string.IsNullOrEmpty(uri.Host):
                var port = uri.IsDefaultPort || uri.Port <= 0 ? DefaultTcpPort : uri.Port;
                var normalized = new Uri($"tcp://{uri.Host}:{port}");
                return new DockerEndpoint(normalized, value.Trim(), null, uri.Host, port);
            case "tcp":
                error = $"'{value}' must name a host, e.g. tcp://127.0.0.1:2375";
                return null;
            default:
                error = $"scheme '{uri.Scheme}' is not supported (use unix:// or tcp://)";
                return null;
        }
    }
}
