namespace Provisioner.Swarm.Tests.Support;

/// <summary>
/// The isolation probe across nodes: from inside each tenant's app (bash's /dev/tcp, 3 s at most per try, run on the node
/// where the task runs) its own database answers by name and by address (the positive control); no other tenant's
/// database (5432) or app (8080) answers on any of its overlay addresses, whichever node it runs on; no app answers from
/// another tenant's database; no database publishes a port.
/// </summary>
internal static class ClusterIsolationProbe
{
    public static async Task AssertIsolatedAsync(IReadOnlyList<string> names)
    {
        var tasks = new Dictionary<(string Tenant, string Component), RunningTask>();
        foreach (var name in names)
        {
            foreach (var component in new[] { "db", "app" })
            {
                tasks[(name, component)] = await RunningTaskAsync($"t-{name}-{component}");
            }
        }

        Assert.True(tasks.Values.Select(t => t.Node).Distinct().Count() >= 2, "the tenants landed on one node only: nothing crosses nodes");
        foreach (var name in names)
        {
            var app = tasks[(name, "app")];
            Assert.True(await CanConnectAsync(app, "db", 5432), $"{name}'s app must reach its own database by name");
            Assert.True(await CanConnectAsync(app, tasks[(name, "db")].Addresses[0], 5432), $"{name}'s app must reach its own database by address");
            foreach (var other in names.Where(o => o != name))
            {
                foreach (var (component, port) in new[] { ("db", 5432), ("app", 8080) })
                {
                    var target = tasks[(other, component)];
                    foreach (var address in target.Addresses)
                    {
                        Assert.False(await CanConnectAsync(app, address, port), $"{name}'s app (on {app.Node}) reached {other}'s {component} at {address}:{port} (on {target.Node})");
                    }
                }

                foreach (var address in tasks[(other, "app")].Addresses)
                {
                    Assert.False(await CanConnectAsync(tasks[(name, "db")], address, 8080), $"{name}'s db reached {other}'s app at {address}:8080");
                }
            }

            var published = await ClusterNodes.ManagerAsync($"service inspect t-{name}-db --format '{{{{json .Endpoint.Ports}}}}'");
            Assert.Equal("null", published.Trim());
        }
    }

    /// <summary>The service's running task: its node, its container there, its overlay addresses.</summary>
    private static async Task<RunningTask> RunningTaskAsync(string service)
    {
        var id = (await ClusterNodes.ManagerAsync($"service ps {service} -q --no-trunc --filter desired-state=running")).Split('\n', StringSplitOptions.RemoveEmptyEntries)[0];
        var fields = (await ClusterNodes.ManagerAsync(
            $"inspect {id} --format '{{{{.NodeID}}}} {{{{.Status.ContainerStatus.ContainerID}}}} {{{{range .NetworksAttachments}}}}{{{{range .Addresses}}}}{{{{.}}}} {{{{end}}}}{{{{end}}}}'"))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var node = (await ClusterNodes.ManagerAsync($"node inspect {fields[0]} --format '{{{{.Description.Hostname}}}}'")).Trim();
        return new RunningTask(node, fields[1], fields.Skip(2).Select(a => a.Split('/')[0]).ToList());
    }

    private static async Task<bool> CanConnectAsync(RunningTask from, string host, int port) =>
        await ClusterNodes.ExitCodeAsync($"docker -H '{ClusterNodes.Of(ClusterNodes.Number(from.Node)).Socket}' exec {from.Container} timeout 3 bash -c 'exec 3<>/dev/tcp/{host}/{port}'") == 0;

    private sealed record RunningTask(string Node, string Container, IReadOnlyList<string> Addresses);
}
