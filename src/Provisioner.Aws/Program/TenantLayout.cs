using Provisioner.Aws.Backend;
using Provisioner.Core.Errors;
using Provisioner.Core.Stamps;
using Provisioner.Core.Templates;
using Provisioner.Core.Templates.Values;

namespace Provisioner.Aws.Program;

/// <summary>
/// What a template becomes on AWS, before any YAML is written: its databases (RDS), its services (ECS), the entry behind
/// the load balancer, which services other components reach by name (Cloud Map), which components get a one-off task
/// definition (jobs, exec checks, database clients), which services a migration holds back, and the volumes (EFS).
/// Pure; a template that cannot be mapped is refused with every reason at once.
/// </summary>
internal sealed record TenantLayout(
    ProductTemplate Template,
    SizeSpec Size,
    FargateSize Tenant,
    ComponentSpec Entry,
    IReadOnlyList<DatabaseLayout> Databases,
    IReadOnlyList<ServiceLayout> Services,
    IReadOnlySet<string> Discoverable,
    IReadOnlySet<string> OneOff,
    IReadOnlySet<string> Held,
    IReadOnlyList<VolumeLayout> Volumes)
{
    public const string Postgres = "postgres";

    public const string Archive = "archive";

    public DatabaseLayout? Database(string component) => Databases.FirstOrDefault(d => d.Name == component);

    public ServiceLayout? Service(string component) => Services.FirstOrDefault(s => s.Name == component);

    public static TenantLayout Of(ProductTemplate template, SizeSpec size, AwsBackendOptions options)
    {
        var problems = new List<string>();
        var entry = template.Entry;
        if (entry?.Port is null)
        {
            problems.Add("it has no entry component with a port, and an AWS tenant is reached through its load balancer");
        }

        var shares = ResourceShares.For(template.Components);
        var databases = new List<DatabaseLayout>();
        var services = new List<ServiceLayout>();
        foreach (var c in template.Components)
        {
            switch (c.Data?.Kind)
            {
                case Postgres:
                    databases.Add(Database(c, options, problems));
                    break;
                case null or Archive:
                    // Fargate runs a task at its whole cpu/memory (no requests): each component's task holds its share of the limits.
                    var (cpu, memory) = (size.CpuLimit * shares[c.Name].Cpu, (long)(size.MemoryLimitBytes * shares[c.Name].Memory));
                    var task = FargateTask.For(cpu, memory);
                    if (task is null)
                    {
                        problems.Add($"component {c.Name} needs {cpu} cpu and {memory >> 20} MiB, more than the largest Fargate task");
                    }

                    services.Add(new ServiceLayout(c, AwsImages.For(c.Image, options), task ?? new FargateTask(0, 0), cpu, memory));
                    break;
                default:
                    problems.Add($"component {c.Name} holds '{c.Data.Kind}' data, which has no AWS mapping (postgres becomes RDS, archive an EFS volume)");
                    break;
            }
        }

        if (problems.Count > 0)
        {
            throw new BadInputException($"{template.Ref} cannot be stamped out on AWS: {string.Join("; ", problems)}");
        }

        var running = services.Select(s => s.Name).ToHashSet();
        return new TenantLayout(
            template,
            size,
            FargateSize.For(size),
            entry!,
            databases,
            services,
            FindDiscoverable(template, running),
            FindOneOff(template, databases),
            FindHeld(template, running),
            services.SelectMany(s => s.Component.Volumes.Select(v => new VolumeLayout(s.Name, v.Key, v.Value))).ToList());
    }

    private static DatabaseLayout Database(ComponentSpec c, AwsBackendOptions options, List<string> problems)
    {
        var passwordFile = c.Env.GetValueOrDefault("POSTGRES_PASSWORD_FILE");
        var secret = passwordFile is not null && passwordFile.StartsWith("${secrets.", StringComparison.Ordinal) ? passwordFile[10..^1]
            : c.Secrets.Count == 1 ? c.Secrets[0]
            : c.Secrets.FirstOrDefault(s => s.Contains("password", StringComparison.OrdinalIgnoreCase));
        if (secret is null)
        {
            problems.Add($"database {c.Name} has no secret to be its password (give it one secret, or POSTGRES_PASSWORD_FILE: \"${{secrets.NAME}}\")");
        }

        return new DatabaseLayout(c, c.Data!["database"] ?? c.Name, c.Env.GetValueOrDefault("POSTGRES_USER") ?? "postgres", secret ?? "", AwsImages.For(c.Image, options));
    }

    /// <summary>Running components another component names in a <c>${NAME.host}</c> or <c>${NAME.port}</c> value.</summary>
    private static HashSet<string> FindDiscoverable(ProductTemplate template, HashSet<string> running)
    {
        var texts = template.Components.SelectMany(c => c.Env.Values.Concat(c.Command ?? []))
            .Concat(template.Jobs.SelectMany(j => j.Command));
        return texts.SelectMany(ValueText.Names)
            .Select(n => n.Split('.'))
            .Where(p => p.Length == 2 && p[1] is "host" or "port" && running.Contains(p[0]))
            .Select(p => p[0])
            .ToHashSet();
    }

    /// <summary>Components that get a one-off task definition: job owners, those with exec checks, and every database (its client).</summary>
    private static HashSet<string> FindOneOff(ProductTemplate template, List<DatabaseLayout> databases) =>
        template.Jobs.Select(j => j.Component)
            .Concat(template.Components.Where(c => c.Health.OfType<ExecCheckSpec>().Any()).Select(c => c.Name))
            .Concat(databases.Select(d => d.Name))
            .ToHashSet();

    /// <summary>
    /// The services a migration holds on their running version: all but those the before-jobs' components depend on
    /// (directly or not), which are rolled first, as the Docker backend starts a job's dependencies before the job.
    /// </summary>
    private static HashSet<string> FindHeld(ProductTemplate template, HashSet<string> running)
    {
        var owners = template.Jobs.Where(j => j.Phase == JobPhase.Before).Select(j => j.Component).ToList();
        if (owners.Count == 0)
        {
            return [];
        }

        var needed = new HashSet<string>();
        var queue = new Queue<string>(owners.SelectMany(o => template.Component(o).DependsOn));
        while (queue.TryDequeue(out var name))
        {
            if (needed.Add(name))
            {
                foreach (var next in template.Component(name).DependsOn)
                {
                    queue.Enqueue(next);
                }
            }
        }

        return running.Where(r => !needed.Contains(r) || owners.Contains(r)).ToHashSet();
    }
}
