using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Provisioner.Core.Edge;

/// <summary>
/// A shared edge proxy: the Docker engine's, or a Swarm cluster's (null means off; the CLI turns it on by default). When on, it is the only published port: it
/// answers <c>https://&lt;tenant&gt;.&lt;Domain&gt;:&lt;Port&gt;</c> with a certificate from its own local CA and forwards to that
/// tenant's entry component over a network only the two share; tenant networks are internal (no route out).
/// </summary>
public sealed partial record EdgeOptions
{
    /// <summary>The domain tenants are named under: <c>acme.&lt;Domain&gt;</c>. Required, e.g. <c>tenants.test</c>.</summary>
    public required string Domain { get; init; }

    /// <summary>Host port the edge publishes (on <see cref="Address"/>). Default 8443.</summary>
    public int Port { get; init; } = 8443;

    /// <summary>
    /// Name of the edge container, its own network and (with <c>-data</c>) its volume; one edge per name on an engine.
    /// Default <c>provision-edge</c>.
    /// </summary>
    public string Name { get; init; } = "provision-edge";

    /// <summary>Host address the edge's port is published on. Default 127.0.0.1 (the settings' publish address).</summary>
    public string Address { get; init; } = "127.0.0.1";

    /// <summary>Where the edge's CA root certificate is exported, for clients to trust (<c>provision edge ca</c> prints it). Required.</summary>
    public required string CaFile { get; init; }

    /// <summary>The operator's certificate for <c>*.&lt;Domain&gt;</c>, served instead of one from the edge's own CA. Default null.</summary>
    public EdgeCertificate? Certificate { get; init; }

    /// <summary>The image of the edge (built by <c>make images</c>). Default <c>provisioner/edge:2.6</c>.</summary>
    public string Image { get; init; } = "provisioner/edge:2.6";

    /// <summary>A tenant's host name: <c>acme.tenants.test</c>.</summary>
    public string HostOf(string tenant) => $"{tenant}.{Domain}";

    /// <summary>A tenant's address as a customer uses it: <c>https://acme.tenants.test:8443</c>.</summary>
    public Uri EndpointOf(string tenant) => new($"https://{HostOf(tenant)}:{Port}");

    /// <summary>Whether <paramref name="host"/> is a name under <see cref="Domain"/> (served by the edge).</summary>
    public bool Serves(string host) => host.EndsWith("." + Domain, StringComparison.OrdinalIgnoreCase);

    /// <summary>Every problem at once, each naming the setting (<c>edge.domain</c>, <c>edge.port</c>, ...).</summary>
    public IReadOnlyList<string> Problems()
    {
        var errors = new List<string>();
        if (!IsDomain(Domain))
        {
            errors.Add($"edge.domain '{Domain}' is not a domain name (lowercase labels separated by dots, e.g. tenants.test, or localhost)");
        }

        if (Port is < 1 or > 65535)
        {
            errors.Add($"edge.port {Port} is not a port number (1-65535)");
        }

        if (!NamePattern().IsMatch(Name ?? ""))
        {
            errors.Add($"edge.name '{Name}' must be lowercase letters, digits and '-' (a container name), e.g. provision-edge");
        }

        if (!IPAddress.TryParse(Address, out var ip) || ip.AddressFamily != AddressFamily.InterNetwork)
        {
            errors.Add($"the edge's address '{Address}' is not an IPv4 address (e.g. 127.0.0.1)");
        }

        if (Certificate is not null && IsDomain(Domain))
        {
            errors.AddRange(Certificate.Problems(Domain!, DateTimeOffset.UtcNow));
        }

        return errors;
    }

    /// <summary>Two labels or more, or <c>localhost</c> (its names resolve to this machine: the default).</summary>
    private static bool IsDomain(string? domain) => domain == "localhost" || DomainPattern().IsMatch(domain ?? "");

    [GeneratedRegex("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$")]
    private static partial Regex DomainPattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,40}$")]
    private static partial Regex NamePattern();
}
