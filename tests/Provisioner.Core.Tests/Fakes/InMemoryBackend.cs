using Provisioner.Core.Backends;
using Provisioner.Core.Errors;
using Provisioner.Core.Reconcile;
using Provisioner.Core.Secrets;
using Provisioner.Core.Stamps;

namespace Provisioner.Core.Tests.Fakes;

/// <summary>
/// A backend that keeps each tenant's resources as names in memory (<c>network t-acme-internal</c>, ...). Apply creates what
/// the stamp has and the tenant lacks, in the order a real backend does (networks, volumes, then each 'before' job before the
/// container it precedes, each container after waiting for its dependencies, then the 'after' jobs), calling the context
/// around every change. Like a real engine it remembers each container's and job's stamp hash and template: a new version
/// replaces containers and runs its jobs again, and a stopped container is started by the next apply.
/// </summary>
internal class InMemoryBackend : ITenantBackend, IComponentExec, IComponentControl
{
    private static readonly DateTimeOffset Epoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly Dictionary<string, SortedSet<string>> _resources = new(StringComparer.Ordinal);

    /// <summary>What each container or job (by tenant and resource name) was made from: its component, stamp hash, template and start.</summary>
    private readonly Dictionary<(string Tenant, string Name), (string Component, string Hash, string Template, DateTimeOffset StartedAt)> _made = [];

    private readonly HashSet<(string Tenant, string Name)> _stopped = [];
    private readonly List<(string Tenant, string Component, int Observation)> _restarts = [];
    private readonly Dictionary<string, int> _observations = new(StringComparer.Ordinal);
    private int _starts;

    public BackendKind Kind { get; init; } = BackendKind.Of("memory");

    public string Host => "memory-host";

    /// <summary>Every call made, e.g. <c>preflight acme</c>, <c>apply acme</c>, <c>wait acme db</c>, <c>stop acme web</c>.</summary>
    public List<string> Calls { get; } = [];

    /// <summary>
    /// Apply throws when it reaches the resource of this name: a container as an engine error would, a job as a failed
    /// run does on a real engine (<c>job t-acme-migrate failed (exit 1). Last log lines:</c> then <see cref="JobLog"/>).
    /// </summary>
    public string? FailOn { get; set; }

    /// <summary>The log lines of a job that <see cref="FailOn"/> fails.</summary>
    public string JobLog { get; set; } = "applying 0042_add_column\nERROR: column \"title\" already exists";

    /// <summary>Preflight throws this, if set (an image missing, say).</summary>
    public Exception? PreflightError { get; set; }

    public IReadOnlySet<string> ResourcesOf(string tenant) => _resources.TryGetValue(tenant, out var r) ? r : new SortedSet<string>();

    /// <summary>Each container of the tenant as <c>web tracker@2.0.0 running</c> (or <c>stopped</c>), by component name.</summary>
    public IReadOnlyList<string> ContainersOf(string tenant) =>
        _made.Where(m => m.Key.Tenant == tenant && ResourcesOf(tenant).Contains(Key("container", m.Key.Name)))
            .OrderBy(m => m.Value.Component, StringComparer.Ordinal)
            .Select(m => $"{m.Value.Component} {m.Value.Template} {(_stopped.Contains(m.Key) ? "stopped" : "running")}")
            .ToList();

    /// <summary>Whether the component's container exists and runs (not stopped).</summary>
    public bool IsRunning(string tenant, string component)
    {
        var name = StampNames.Container(tenant, component);
        return ResourcesOf(tenant).Contains(Key("container", name)) && !_stopped.Contains((tenant, name));
    }

    /// <summary>Resources that exist already, e.g. left by an interrupted run.</summary>
    public void Add(string tenant, params string[] resources)
    {
        if (!_resources.TryGetValue(tenant, out var set))
        {
            _resources[tenant] = set = new SortedSet<string>(StringComparer.Ordinal);
        }

        set.UnionWith(resources);
    }

    /// <summary>Resources taken away behind the tool's back (<c>docker rm -f</c>), e.g. <c>container t-acme-app</c>.</summary>
    public void Remove(string tenant, params string[] resources)
    {
        if (_resources.TryGetValue(tenant, out var set))
        {
            set.ExceptWith(resources);
        }
    }

    /// <summary>
    /// The component crashes and is restarted by the engine (it runs again, with a new start time) just before the
    /// <paramref name="observation"/>-th <see cref="ObserveAsync"/> of the tenant from now on.
    /// </summary>
    public void RestartOnObservation(string tenant, string component, int observation)
    {
        _observations[tenant] = 0;
        _restarts.Add((tenant, component, observation));
    }

    public Task PreflightAsync(Stamp stamp, CancellationToken ct)
    {
        Calls.Add($"preflight {stamp.Tenant}");
        return PreflightError is null ? Task.CompletedTask : Task.FromException(PreflightError);
    }

    /// <summary>Changes every plan ends with besides the tenant's own (e.g. an edge proxy that is down).</summary>
    public List<PlannedChange> AlsoPlanned { get; } = [];

    public Task<IReadOnlyList<PlannedChange>> PlanAsync(Stamp stamp, CancellationToken ct)
    {
        Calls.Add($"plan {stamp.Tenant}");
        return Task.FromResult<IReadOnlyList<PlannedChange>>([.. Missing(stamp).Select(m => m.Change), .. AlsoPlanned]);
    }

    public async Task<ApplyResult> ApplyAsync(Stamp stamp, TenantSecrets secrets, ApplyContext context, CancellationToken ct)
    {
        Calls.Add($"apply {stamp.Tenant}");
        var made = new List<PlannedChange>();
        foreach (var (change, waitFor, hash, component) in Missing(stamp).ToList())
        {
            foreach (var dependency in waitFor)
            {
                Calls.Add($"wait {stamp.Tenant} {dependency}");
                await context.WaitUntilReady(dependency, ct);
            }

            await context.BeforeChange(change);
            if (change.Name == FailOn)
            {
                throw change.Resource == ResourceType.Job
                    ? new ProvisionerException($"job {change.Name} failed (exit 1). Last log lines:\n{JobLog}")
                    : new InvalidOperationException($"the engine refused to {change.Kind.ToString().ToLowerInvariant()} {change.Name}");
            }

            Add(stamp.Tenant, Key(change.Resource.Name, change.Name));
            if (hash is not null)
            {
                _made[(stamp.Tenant, change.Name)] = (component!, hash, stamp.Template.Ref, Epoch.AddSeconds(++_starts));
                _stopped.Remove((stamp.Tenant, change.Name));
            }

            made.Add(change);
            await context.AfterChange(change);
        }

        return new ApplyResult(made, stamp.Endpoint);
    }

    public Task<TenantObservation> ObserveAsync(string tenant, CancellationToken ct)
    {
        var observation = _observations[tenant] = _observations.GetValueOrDefault(tenant) + 1;
        foreach (var restart in _restarts.Where(r => r.Tenant == tenant && r.Observation == observation).ToList())
        {
            var name = StampNames.Container(tenant, restart.Component);
            _made[(tenant, name)] = _made[(tenant, name)] with { StartedAt = Epoch.AddSeconds(++_starts) };
            _restarts.Remove(restart);
        }

        var names = ResourcesOf(tenant);
        List<string> Of(string kind) => names.Where(n => n.StartsWith(kind + " ", StringComparison.Ordinal)).Select(n => n[(kind.Length + 1)..]).ToList();
        var components = Of("container")
            .Select(c =>
            {
                var known = _made.TryGetValue((tenant, c), out var made);
                var stopped = _stopped.Contains((tenant, c));
                return new ComponentObservation(
                    known ? made.Component : ComponentOf(tenant, c), c, WorkloadKind.Service, stopped ? ComponentState.Exited : ComponentState.Running, "image",
                    known ? made.Template : null, stopped ? "Exited (0)" : "Up", known ? made.StartedAt : null, null, null, null);
            })
            .ToList();
        return Task.FromResult(new TenantObservation(tenant, components, Of("network"), Of("volume")));
    }

    public Task<IReadOnlyList<PlannedChange>> DestroyAsync(string tenant, bool deleteData, CancellationToken ct)
    {
        Calls.Add($"destroy {tenant}");
        var removed = ResourcesOf(tenant).Where(r => deleteData || !r.StartsWith("volume ", StringComparison.Ordinal)).ToList();
        _resources.GetValueOrDefault(tenant)?.ExceptWith(removed);
        return Task.FromResult<IReadOnlyList<PlannedChange>>(
            removed.Select(r => new PlannedChange(ChangeKind.Remove, ResourceType.Of(r[..r.IndexOf(' ')]), r[(r.IndexOf(' ') + 1)..], "destroy")).ToList());
    }

    /// <summary>Every exec, as "tenant component: command".</summary>
    public List<string> Execs { get; } = [];

    /// <summary>What an exec answers (component, command); succeeds with no output unless a test says otherwise.</summary>
    public Func<string, IReadOnlyList<string>, CommandResult> OnExec { get; set; } = (_, _) => new CommandResult(0, "", "");

    public Task<CommandResult> ExecAsync(string tenant, string component, IReadOnlyList<string> command, string? user, CancellationToken ct)
    {
        Execs.Add($"{tenant} {component}: {string.Join(' ', command)}");
        return Task.FromResult(OnExec(component, command));
    }

    /// <summary>Stops the component's container, if it has one (a job or a missing component is not an error).</summary>
    public Task StopComponentAsync(string tenant, string component, CancellationToken ct)
    {
        Calls.Add($"stop {tenant} {component}");
        var name = StampNames.Container(tenant, component);
        if (ResourcesOf(tenant).Contains(Key("container", name)))
        {
            _stopped.Add((tenant, name));
        }

        return Task.CompletedTask;
    }

    public Task<string> GetLogsAsync(string tenant, string component, int tail, CancellationToken ct) =>
        Task.FromResult($"{tenant} {component}: last {tail} lines");

    private static string Key(string kind, string name) => $"{kind} {name}";

    /// <summary>The component a container added by <see cref="Add"/> stands for, from its name (<c>t-acme-app</c>: app), as a real engine's label says.</summary>
    private static string ComponentOf(string tenant, string container) =>
        container.StartsWith($"t-{tenant}-", StringComparison.Ordinal) ? container[$"t-{tenant}-".Length..] : container;

    private IEnumerable<(PlannedChange Change, IReadOnlyList<string> WaitFor, string? Hash, string? Component)> Missing(Stamp stamp)
    {
        var tenant = stamp.Tenant;
        var have = ResourcesOf(tenant);
        bool Lacks(string kind, string name) => !have.Contains(Key(kind, name));
        bool Changed(string name, string hash) => _made.TryGetValue((tenant, name), out var m) && m.Hash != hash;
        foreach (var n in stamp.Networks.Where(n => Lacks("network", n.Name)))
        {
            yield return (new PlannedChange(ChangeKind.Create, ResourceType.Network, n.Name, "missing"), [], null, null);
        }

        foreach (var v in stamp.Volumes.Where(v => Lacks("volume", v.Name)))
        {
            yield return (new PlannedChange(ChangeKind.Create, ResourceType.Volume, v.Name, "missing"), [], null, null);
        }

        foreach (var c in stamp.Containers)
        {
            foreach (var job in stamp.Jobs.Where(j => j.Phase == Core.Templates.JobPhase.Before && j.Component == c.Component))
            {
                if (Lacks("job", job.Name) || Changed(job.Name, job.Hash))
                {
                    yield return (new PlannedChange(ChangeKind.Run, ResourceType.Job, job.Name, Lacks("job", job.Name) ? "not run yet" : "spec changed"), job.DependsOn, job.Hash, job.Job);
                }
            }

            if (Lacks("container", c.Name))
            {
                yield return (new PlannedChange(ChangeKind.Create, ResourceType.Container, c.Name, "missing"), c.DependsOn, c.Hash, c.Component);
            }
            else if (Changed(c.Name, c.Hash))
            {
                yield return (new PlannedChange(ChangeKind.Replace, ResourceType.Container, c.Name, "spec changed"), c.DependsOn, c.Hash, c.Component);
            }
            else if (_stopped.Contains((tenant, c.Name)))
            {
                yield return (new PlannedChange(ChangeKind.Start, ResourceType.Container, c.Name, "stopped"), c.DependsOn, c.Hash, c.Component);
            }
        }

        foreach (var job in stamp.Jobs.Where(j => j.Phase == Core.Templates.JobPhase.After))
        {
            if (Lacks("job", job.Name) || Changed(job.Name, job.Hash))
            {
                yield return (new PlannedChange(ChangeKind.Run, ResourceType.Job, job.Name, Lacks("job", job.Name) ? "not run yet" : "spec changed"), job.DependsOn, job.Hash, job.Job);
            }
        }
    }
}
