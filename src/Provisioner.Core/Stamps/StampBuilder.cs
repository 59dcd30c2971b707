using Provisioner.Core.Templates;

namespace Provisioner.Core.Stamps;

/// <summary>
/// <c>Stamp = f(template, tenant, size, port)</c>: a pure function with no I/O. Same inputs, same stamp, same hashes.
/// </summary>
public static class StampBuilder
{
    public const string SecretsDirectory = "/run/secrets";

    /// <summary>The stamp of a recorded tenant (its size and entry port) at <paramref name="template"/>.</summary>
    public static Stamp Build(ProductTemplate template, Tenants.TenantRecord tenant, string hostIp) =>
        Build(template, tenant.Name, tenant.Size, tenant.HostPort, hostIp);

    public static Stamp Build(ProductTemplate template, string tenant, string sizeName, int? hostPort, string hostIp = "127.0.0.1")
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
            edge = new NetworkResource(StampNames.EdgeNetwork(tenant), false, With(baseLabels, StampLabels.Kind, "network"));
            networks.Add(edge);
        }

        var volumes = template.Components
            .SelectMany(c => c.Volumes.Keys.Select(v => new VolumeResource(
                StampNames.Volume(tenant, c.Name, v), c.Name, With(With(baseLabels, StampLabels.Kind, "volume"), StampLabels.Component, c.Name))))
            .ToList();

        var shares = ResourceShares.For(template.Components);
        var containers = new List<ContainerResource>();
        var jobs = new List<JobResource>();
        foreach (var c in template.Components)
        {
            var (cpu, memory) = shares[c.Name];
            var spec = new ContainerSpec(
                c.Image,
                null,
                null,
                c.Env,
                Attachments(c, internalNet, edge),
                c.Volumes.Select(v => new VolumeMount(StampNames.Volume(tenant, c.Name, v.Key), v.Value)).ToList(),
                c.Secrets,
                (long)Math.Round(size.Cpu * cpu * 1e9),
                (long)(size.MemoryBytes * memory),
                c.Port is int port && hostPort is int hp ? new PortBinding(port, hostIp, hp) : null);

            if (template.Migrate is { } migrate && migrate.Component == c.Name)
            {
                var jobSpec = spec with
                {
                    Entrypoint = [migrate.Command[0]],
                    Command = migrate.Command.Skip(1).ToList(),
                    Networks = [new NetworkAttachment(internalNet.Name, [])],
                    Port = null,
                };
                jobs.Add(new JobResource(
                    StampNames.Job(tenant, "migrate"), "migrate", c.Name, jobSpec, c.DependsOn, Labels(baseLabels, template, size, "migrate", "job", jobSpec)));
            }

            containers.Add(new ContainerResource(
                StampNames.Container(tenant, c.Name), c.Name, spec, c.DependsOn, Labels(baseLabels, template, size, c.Name, "container", spec)));
        }

        var endpoint = entry is not null && hostPort is int p ? new Uri($"http://{hostIp}:{p}") : null;
        return new Stamp(tenant, template, size, networks, volumes, containers, jobs, endpoint);
    }

    private static List<NetworkAttachment> Attachments(ComponentSpec c, NetworkResource internalNet, NetworkResource? edge)
    {
        var list = new List<NetworkAttachment> { new(internalNet.Name, [c.Name]) };
        if (c.Port is not null && edge is not null)
        {
            list.Add(new NetworkAttachment(edge.Name, [c.Name]));
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
        labels[StampLabels.StampHash] = StampHash.Of(spec, labels);
        return labels;
    }

    private static Dictionary<string, string> With(Dictionary<string, string> labels, string key, string value) =>
        new(labels) { [key] = value };
}
