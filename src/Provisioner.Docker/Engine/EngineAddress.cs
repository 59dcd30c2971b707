namespace Provisioner.Docker.Engine;

/// <summary>
/// Parses an engine address as the user wrote it: <c>unix:///path</c>, or <c>tcp://host[:port]</c> (port 2375 when
/// omitted, as the docker CLI does). Other schemes (ssh, npipe, http) are refused with a reason.
/// </summary>
internal static class EngineAddress
{
    /// <summary>Port used for <c>tcp://host</c> without a port.</summary>
    public const int DefaultTcpPort = 2375;

    /// <summary>The address as a URI Docker.DotNet accepts, or null and a reason.</summary>
    public static Uri? TryParse(string? value, out string error)
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
                return uri;
            case "unix":
                error = $"'{value}' must name an absolute socket path, e.g. unix:///var/run/docker.sock";
                return null;
            case "tcp" when !string.IsNullOrEmpty(uri.Host):
                return new Uri($"tcp://{uri.Host}:{(uri.IsDefaultPort || uri.Port <= 0 ? DefaultTcpPort : uri.Port)}");
            case "tcp":
                error = $"'{value}' must name a host, e.g. tcp://127.0.0.1:2375";
                return null;
            default:
                error = $"scheme '{uri.Scheme}' is not supported (use unix:// or tcp://)";
                return null;
        }
    }

    /// <summary>The address for messages: <c>unix:///var/run/docker.sock</c>, <c>tcp://10.0.0.5:2375</c>.</summary>
    public static string Display(Uri endpoint) =>
        SocketPath(endpoint) is { } path ? $"unix://{path}" : $"{endpoint.Scheme}://{endpoint.Authority}";

    /// <summary>The socket file of a <c>unix://</c> address; null for TCP.</summary>
    public static string? SocketPath(Uri endpoint) => endpoint.Scheme == "unix" ? Uri.UnescapeDataString(endpoint.AbsolutePath) : null;
}
