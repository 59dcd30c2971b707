namespace Provisioner.Core.Provisioning;

/// <summary>Settings for provisioning. Every default works on a single local engine.</summary>
public sealed record ProvisionerOptions
{
    /// <summary>
    /// Template used when none is given and the tenant is new (<c>product</c> for its newest version, or <c>product@version</c>).
    /// Default: none, which means the only product in the catalog (several products need a template named).
    /// </summary>
    public string? DefaultTemplate { get; init; }

    /// <summary>First host port handed to tenant entry points. Default 20000.</summary>
    public int FirstPort { get; init; } = 20000;

    /// <summary>Last host port handed to tenant entry points. Default 29999.</summary>
    public int LastPort { get; init; } = 29999;

    /// <summary>Host address entry ports are published on. Default 127.0.0.1 (never all interfaces by default).</summary>
    public string PublishAddress { get; init; } = "127.0.0.1";

    /// <summary>
    /// The shared edge proxy tenants of this backend go behind (the engine's, or the Swarm cluster's; null for AWS). Default null: off, each
    /// tenant's entry publishes its own port on <see cref="PublishAddress"/>.
    /// </summary>
    public Edge.EdgeOptions? Edge { get; init; }

    /// <summary>
    /// Whether the backend these options are for can put tenants behind an edge (Docker, Swarm). Default true. For one
    /// that cannot (AWS: the composition sets false), a tenant recorded without a port of its own was never behind
    /// the edge, so it is not refused as leaving it (<see cref="Edge.LeavingTheEdge"/>).
    /// </summary>
    public bool EdgeSupported { get; init; } = true;

    /// <summary>Log lines of the entry component shown when a tenant is unhealthy. Default 20.</summary>
    public int FailureLogLines { get; init; } = 20;

    public ProvisionerOptions Validate()
    {
        var errors = Problems();
        return errors.Count == 0 ? this : throw new Errors.BadInputException("invalid configuration: " + string.Join("; ", errors));
    }

    /// <summary>Every problem at once, each naming its setting (<c>ports.first</c>, <c>edge.certificate</c>, ...).</summary>
    public IReadOnlyList<string> Problems()
    {
        var errors = new List<string>();
        if (FirstPort is < 1024 or > 65535 || LastPort is < 1024 or > 65535 || LastPort < FirstPort)
        {
            errors.Add($"ports.first/ports.last must be 1024-65535 with first <= last (got {FirstPort}-{LastPort})");
        }

        if (!System.Net.IPAddress.TryParse(PublishAddress, out var address) || address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork)
        {
            errors.Add($"publishAddress '{PublishAddress}' is not an IPv4 address (e.g. 127.0.0.1)");
        }

        errors.AddRange(Edge?.Problems() ?? []);
        return errors;
    }
}
