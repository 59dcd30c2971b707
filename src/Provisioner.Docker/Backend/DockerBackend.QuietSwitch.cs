using System.Diagnostics;
using System.Globalization;
using Docker.DotNet.Models;
using Provisioner.Core.Backends;
using Provisioner.Core.Edge;
using Provisioner.Core.Errors;
using Provisioner.Core.Reconcile;
using Provisioner.Core.Secrets;
using Provisioner.Core.Stamps;
using Provisioner.Core.Templates;
using Provisioner.Docker.Engine;

namespace Provisioner.Docker.Backend;

/// <summary>
/// Quiet upgrades on one engine: the new version's container starts beside the old one as <c>NAME-next</c>, then takes
/// the component's name (<c>NAME</c> → <c>NAME-old</c>, <c>NAME-next</c> → <c>NAME</c>). The edge dials its upstream by
/// that name for every new connection and tries a failed dial again for a while, and is reloaded after the rename so
/// it lets go of connections kept open to the old container; the old one is stopped (gracefully: in-flight requests
/// finish) only after the new one passed its gate. Leftover <c>-next</c>/<c>-old</c> containers carry the tenant's
/// labels, so the next apply removes them as not in the stamp.
/// </summary>
internal sealed partial class DockerBackend : IQuietSwitch
{
    private const string Next = StampNames.QuietNext;
    private const string Old = StampNames.QuietOld;

    public Task RunMigrationAsync(Stamp stamp, TenantSecrets secrets, ApplyContext context, CancellationToken ct) => Guard(async () =>
    {
        var observed = await ObserveAgainstAsync(stamp, ct);
        var before = stamp.Jobs.Where(j => j.Phase == JobPhase.Before).Select(j => j.Name).ToHashSet(StringComparer.Ordinal);
        var migration = ReconcilePlanner.Plan(stamp, observed)
            .Where(c => c.Resource == ResourceType.Job && c.Kind == ChangeKind.Run && before.Contains(c.Name))
            .ToList();
        await ExecuteAllAsync(stamp, secrets, migration, observed, context, ct);
    }, ct);

    public bool SwitchesWithoutGap(Stamp stamp) =>
        BehindTheEdge(stamp) is not null && stamp.Containers.All(c => c.Spec.Port is null);

    public Task StartBesideAsync(Stamp stamp, IReadOnlyList<string> components, TenantSecrets secrets, TimeSpan timeout, IProgress<string>? progress, CancellationToken ct) => Guard(async () =>
    {
        var boosted = new List<BoostedContainer>();
        try
        {
            foreach (var component in components)
            {
                var container = stamp.Container(component);
                if (container.Spec.Port is not null)
                {
                    throw new InvalidOperationException($"{container.Name} publishes a port: it cannot run beside itself");
                }

                var beside = container.Name + Next;
                await StopAndRemoveAsync(beside, ct);            // a leftover of an interrupted run
                await StopAndRemoveAsync(container.Name + Old, ct);
                var id = await CreateAsync(beside, container.Spec, container.Labels, longRunning: true, boosted, ct);
                await StartAsync(id, beside, container.Spec, secrets, ct);
            }

            foreach (var component in components)
            {
                var beside = stamp.Container(component).Name + Next;
                progress?.Report($"waiting for {beside} to be ready inside its container");
                await ReadyInsideAsync(beside, stamp.Template.Component(component), timeout, ct);
            }
        }
        finally
        {
            await SettleAsync(stamp.Tenant, boosted);
        }
    }, ct);

    public Task SwitchAsync(string tenant, IReadOnlyList<string> components, CancellationToken ct) => Guard(async () =>
    {
        foreach (var name in components.Select(c => StampNames.Container(tenant, c)))
        {
            await RenameAsync(name, name + Old, ct);
            await RenameAsync(name + Next, name, ct);
        }

        await ReloadEdgeAsync(ct);
    }, ct);

    public Task SwitchBackAsync(string tenant, IReadOnlyList<string> components, CancellationToken ct) => Guard(async () =>
    {
        var retired = new List<string>();
        foreach (var name in components.Select(c => StampNames.Container(tenant, c)))
        {
            if (await ExistsAsync(name + Old, ct))
            {
                if (await ExistsAsync(name, ct))
                {
                    await RenameAsync(name, name + Next, ct);
                }

                await RenameAsync(name + Old, name, ct);
            }

            retired.Add(name + Next);
        }

        await ReloadEdgeAsync(ct);
        foreach (var name in retired)
        {
            await StopAndRemoveAsync(name, ct);
        }
    }, ct);

    public Task RetireOldAsync(string tenant, IReadOnlyList<string> components, CancellationToken ct) => Guard(async () =>
    {
        foreach (var name in components.Select(c => StampNames.Container(tenant, c)))
        {
            await StopAndRemoveAsync(name + Old, ct);
        }
    }, ct);

    private Task ReloadEdgeAsync(CancellationToken ct) => EdgeProxy?.ReloadAsync(ct) ?? Task.CompletedTask;

    private Task RenameAsync(string from, string to, CancellationToken ct) =>
        _docker.Containers.RenameContainerAsync(from, new ContainerRenameParameters { NewName = to }, ct);

    private async Task<bool> ExistsAsync(string name, CancellationToken ct)
    {
        try
        {
            await _docker.Containers.InspectContainerAsync(name, ct);
            return true;
        }
        catch (Exception e) when (EngineErrorMapping.IsNotFound(e))
        {
            return false;
        }
    }

    /// <summary>
    /// An entry answers each of its GET http checks inside its own container (bash's /dev/tcp to its port: nothing outside
    /// the tenant can reach it yet); any other component is running. Fails at once when the container stops.
    /// </summary>
    private async Task ReadyInsideAsync(string container, ComponentSpec component, TimeSpan timeout, CancellationToken ct)
    {
        var checks = component.IsEntry && component.Port is { } port
            ? component.Health.OfType<HttpCheckSpec>().Where(h => h.Method == "GET").Select(h => (h.Path, h.Expect, Port: port)).ToList()
            : [];
        var waited = Stopwatch.StartNew(); // monotonic: a clock step does not cut the wait short or stretch it
        var last = "not checked yet";
        while (true)
        {
            // Exited, or restarted by its restart policy (which a running, restarting or restarted state shows): not ready.
            var inspect = await _docker.Containers.InspectContainerAsync(container, ct);
            var state = inspect.State;
            if (state is not { Running: true, Restarting: false } || inspect.RestartCount > 0)
            {
                var logs = await ContainerLogs.TailAsync(_docker.Containers, container, options.JobLogLines, ct);
                throw new ProvisionerException($"{container} stopped (exit {state?.ExitCode}) before it was ready beside the running version. Last log lines:\n{logs.TrimEnd()}");
            }

            string? failing;
            try
            {
                failing = await FirstFailingAsync(container, checks, ct);
            }
            catch (Exception e) when (EngineErrorMapping.IsConflict(e))
            {
                continue; // it stopped or restarted between the inspect and the exec: the inspect above says so
            }

            if (failing is null)
            {
                return;
            }

            last = failing;
            if (waited.Elapsed > timeout)
            {
                throw new ProvisionerException($"{container} was not ready beside the running version within {timeout.TotalSeconds:0} s: {last}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), ct);
        }
    }

    private async Task<string?> FirstFailingAsync(string container, IReadOnlyList<(string Path, int Expect, int Port)> checks, CancellationToken ct)
    {
        foreach (var (path, expect, port) in checks)
        {
            var script = string.Create(CultureInfo.InvariantCulture,
                $"exec 3<>/dev/tcp/127.0.0.1/{port} && printf 'GET %s HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' \"$0\" >&3 && head -n 1 <&3");
            var result = await ExecRunner.RunAsync(_docker.Exec, container, new ExecRequest { Cmd = ["bash", "-c", script, path] }, ct);
            var status = result.Stdout.Split(' ', 3) is [_, var code, ..] && int.TryParse(code, CultureInfo.InvariantCulture, out var parsed) ? parsed : (int?)null;
            if (result.ExitCode != 0 || status != expect)
            {
                return $"GET {path}: {(status is { } s ? $"HTTP {s}" : "no answer")}, expected {expect}";
            }
        }

        return null;
    }
}
