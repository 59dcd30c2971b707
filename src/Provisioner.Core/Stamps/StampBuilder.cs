using Provisioner.Core.Edge;
using Provisioner.Core.Provisioning;
using Provisioner.Core.Templates;

namespace Provisioner.Core.Stamps;

/// <summary>
/// <c>Stamp = f(template, tenant, size, port, edge)</c>: a pure function with no I/O. Same inputs, same stamp, same hashes.
/// With the edge on, every tenant network is internal, the entry publishes no port (the edge reaches it over the tenant's
/// edge network, labelled with the route) and the endpoint is <c>https://acme.&lt;domain&gt;:&lt;port&gt;</c>; a component with
/// <c>egress:</c> also joins the tenant's egress network, which is not internal.
/// </summary>
internal static class StampBuilder
{
    public const string SecretsDirectory = "/run/secrets";

    /// <summary>The stamp of a recorded tenant (its size and entry port) at <paramref name="template"/>.</summary>
    public static Stamp Build(ProductTemplate template, Tenants.TenantRecord tenant, string hostIp) =>
        Build(template, tenant.Name, tenant.Size, tenant.HostPort, hostIp) with { Host = tenant.Host };

    /// <summary>The stamp of a recorded tenant with the options' publish address and edge.</summary>
    public static Stamp Build(ProductTemplate template, Tenants.TenantRecord tenant, ProvisionerOptions options) =>
        Build(template, tenant.Name, tenant.Size, tenant.HostPort, options) with { Host = tenant.Host };

    /// <summary>
    /// The stamp with the options' publish address and edge. A tenant with an entry port of its own (made before the edge
    /// was turned on, or with the edge off) stays on it: behind the edge no port is reserved, so a recorded one means the
    /// tenant is not behind it, and its stamp must not move it there (its networks, its customers' address).
    /// </summary>
    public static Stamp Build(ProductTemplate template, string tenant, string sizeName, int? hostPort, ProvisionerOptions options) =>
        Build(template, tenant, sizeName, hostPort, options.PublishAddress, hostPort is null ? options.Edge : null);

    public static Stamp Build(
        ProductTemplate template, string tenant, string sizeName, int? hostPort, string hostIp = "127.0.0.1", EdgeOptions? edgeProxy = null)
    {
        var size = template.Sizes.TryGetValue(sizeName, out var s)
            ? s
            : throw new Errors.BadInputException(
                $"{template.Ref} has no size '{sizeName}'", $"sizes of {template.Ref}: {string.Join(", ", template.Sizes.Keys)}");

        var baseLabels = new Dictionary<string, string>
        {
            [StampLabels.Managed] = "true",
            [StampLabels.Tenant] = tenant,
        };
        var internalNet = new NetworkResource(StampNames.InternalNetwork(tenant), true, With(baseLabels, StampLabels.Kind, "network"));
        var entry = template.Entry;
        var networks = new List<NetworkResource> { internalNet };
        NetworkResource? edge = null;
        if (entry is not null)
        {
            var labels = With(baseLabels, StampLabels.Kind, "network");
            if (edgeProxy is not null)
            {
                labels[EdgeLabels.Edge] = edgeProxy.Name;
                labels[EdgeLabels.Host] = edgeProxy.HostOf(tenant);
                labels[EdgeLabels.Upstream] = $"{StampNames.Container(tenant, entry.Name)}:{entry.Port}";
            }

            edge = new NetworkResource(StampNames.EdgeNetwork(tenant), edgeProxy is not null, labels);
            networks.Add(edge);
        }

        NetworkResource? egress = null;
        if (template.Components.Any(c => c.Egress is not null))
        {
            egress = new NetworkResource(StampNames.EgressNetwork(tenant), false, With(baseLabels, StampLabels.Kind, "network"));
            networks.Add(egress);
        }

        var volumes = template.Components
            .SelectMany(c => c.Volumes.Keys.Select(v => new VolumeResource(
                StampNames.Volume(tenant, c.Name, v), c.Name, With(With(baseLabels, StampLabels.Kind, "volume"), StampLabels.Component, c.Name))))
            .ToList();

        var publish = edgeProxy is null ? hostPort : null;
        var endpoint = entry is null ? null : edgeProxy is not null ? edgeProxy.EndpointOf(tenant) : hostPort is int p ? new Uri($"http://{hostIp}:{p}") : null;
        var values = new StampValues(tenant, endpoint, size, template.Components);
        var shares = ResourceShares.For(template.Components);
        var specs = new Dictionary<string, ContainerSpec>();
        var containers = new List<ContainerResource>();
        foreach (var c in template.Components)
        {
            var (cpuShare, memoryShare) = shares[c.Name];
            var (cpu, memory) = (size.CpuLimit * cpuShare, (long)(size.MemoryLimitBytes * memoryShare));
            // A template's command is the whole command line: its first word replaces the image's entrypoint.
            var command = c.Command?.Select(a => values.Expand(a, c, cpu, memory)).ToList();
            var spec = new ContainerSpec(
                c.Image,
                command is null ? null : [command[0]],
                command?.Skip(1).ToList(),
                values.Expand(c.Env, c, cpu, memory),
                Attachments(c, internalNet, edge, egress),
                c.Volumes.Select(v => new VolumeMount(StampNames.Volume(tenant, c.Name, v.Key), v.Value)).ToList(),
                c.Secrets,
                (long)Math.Round(cpu * 1e9),
                memory,
                c.IsEntry && c.Port is int port && publish is int hp ? new PortBinding(port, hostIp, hp) : null)
            {
                Security = c.Security,
                RequestNanoCpus = (long)Math.Round(size.Cpu * cpuShare * 1e9),
                RequestMemoryBytes = (long)(size.MemoryBytes * memoryShare),
            };
            specs[c.Name] = spec;
            containers.Add(new ContainerResource(
                StampNames.Container(tenant, c.Name), c.Name, spec, c.DependsOn, Labels(baseLabels, template, size, c.Name, "container", spec)));
        }

        var jobs = new List<JobResource>();
        foreach (var job in template.Jobs)
        {
            var owner = template.Component(job.Component);
            var (cpuShare, memoryShare) = shares[owner.Name];
            var (cpu, memory) = (size.CpuLimit * cpuShare, (long)(size.MemoryLimitBytes * memoryShare));
            var command = job.Command.Select(a => values.Expand(a, owner, cpu, memory)).ToList();
            var jobSpec = specs[owner.Name] with
            {
                Entrypoint = [command[0]],
                Command = command.Skip(1).ToList(),
                Networks = [new NetworkAttachment(internalNet.Name, [])],
                Port = null,
            };
            var dependsOn = job.Phase == JobPhase.Before ? owner.DependsOn : template.Components.Select(c => c.Name).ToList();
            jobs.Add(new JobResource(
                StampNames.Job(tenant, job.Name), job.Name, owner.Name, job.Phase, jobSpec, dependsOn, Labels(baseLabels, template, size, job.Name, "job", jobSpec)));
        }

        return new Stamp(tenant, template, size, networks, volumes, containers, jobs, endpoint);
    }

    private static List<NetworkAttachment> Attachments(ComponentSpec c, NetworkResource internalNet, NetworkResource? edge, NetworkResource? egress)
    {
        var list = new List<NetworkAttachment> { new(internalNet.Name, [c.Name]) };
        if (c.IsEntry && edge is not null)
        {
            list.Add(new NetworkAttachment(edge.Name, [c.Name]));
        }

        if (c.Egress is not null && egress is not null)
        {
            list.Add(new NetworkAttachment(egress.Name, [c.Name]));
        }

        return list;
    }

    private static Dictionary<string, string> Labels(
        Dictionary<string, string> baseLabels, ProductTemplate template, SizeSpec size, string component, string kind, ContainerSpec spec)
    {
        var labels = new Dictionary<string, string>(baseLabels)
        {
            [StampLabels.Component] = component,
            [StampLabels.Kind] = kind,
            [StampLabels.Template] = template.Ref,
            [StampLabels.Size] = size.Name,
        };
        // A long-running container is replaced when what it runs changes, not when only the product's version around it
        // does (a database whose image and settings stay is not restarted by an upgrade, quiet or not; its labels keep
        // the version that made it). A job runs again for every new version: its hash keeps the template.
        var hashed = kind == "container" ? labels.Where(l => l.Key != StampLabels.Template).ToDictionary(l => l.Key, l => l.Value) : labels;
        labels[StampLabels.StampHash] = StampHash.Of(spec, hashed);
        return labels;
    }

    private static Dictionary<string, string> With(Dictionary<string, string> labels, string key, string value) =>
        new(labels) { [key] = value };
}
