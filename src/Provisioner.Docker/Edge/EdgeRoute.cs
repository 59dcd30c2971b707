namespace Provisioner.Docker.Edge;

/// <summary>One tenant behind the edge: its host name, the entry container and port the edge forwards to, over <see cref="Network"/>.</summary>
internal sealed record EdgeRoute(string Tenant, string Host, string Upstream, string Network);
