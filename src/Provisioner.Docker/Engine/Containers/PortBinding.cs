using System.Text.Json.Serialization;

namespace Provisioner.Docker.Engine;

/// <summary>Where a container port is published on the host, e.g. <c>127.0.0.1:20001</c>.</summary>
public sealed record PortBinding
{
    /// <summary>Host address; publish on <c>127.0.0.1</c> unless the port must be public. Empty = all interfaces.</summary>
    [JsonPropertyName("HostIp")]
    public string HostIp { get; init => field = value ?? ""; } = "";

    /// <summary>Host port as a string; empty = the engine picks one.</summary>
    [JsonPropertyName("HostPort")]
    public string HostPort { get; init => field = value ?? ""; } = "";

    /// <summary>Publish on loopback only.</summary>
    public static PortBinding Loopback(int hostPort) =>
        new() { HostIp = "127.0.0.1", HostPort = hostPort.ToString(System.Globalization.CultureInfo.InvariantCulture) };
}
