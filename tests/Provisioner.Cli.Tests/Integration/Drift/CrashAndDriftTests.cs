using System.Text.Json;
using Docker.DotNet.Models;
using Provisioner.Cli.Tests.Support;

namespace Provisioner.Cli.Tests.Integration.Drift;

/// <summary>
/// Three notes tenants on the real engine, shared by both halves to keep <c>make test</c> short. First what a host reboot leaves
/// (every container killed, the secrets on their tmpfs gone): <c>check --all</c> names each one down ("down: db exited"),
/// <c>reconcile --all</c> brings all three back healthy. Then each drift case made by hand through the engine API, reported by
/// <c>drift --all</c> (exit 6), cleared by <c>reconcile --all</c>, after which <c>drift --all</c> exits 0.
/// </summary>
[Collection(SecondEngineCollection.Name)]
[Trait("Category", "Integration")]
public sealed class CrashAndDriftTests(EngineFixture engine)
{
    [Fact]
    public async Task KilledFleetAndHandMadeDrift_CheckNamesDown_DriftReportsEachCase_ReconcileAllClearsThem()
    {
        var cli = engine.Cli();
        var (a, b, c, ghost) = (engine.Tenant("drift-a"), engine.Tenant("drift-b"), engine.Tenant("drift-c"), engine.Tenant("drift-ghost"));
        var created = new List<CliResult> { await cli.RunAsync("tenant", a) };
        created.AddRange(await Task.WhenAll(cli.RunAsync("tenant", b), cli.RunAsync("tenant", c)));
        Assert.All(created, r => Assert.True(r.ExitCode == 0, r.ToString()));
        var clean = await cli.RunAsync("drift", "--all");
        Assert.True(clean.ExitCode == 0, clean.ToString());

        // A host reboot, as far as a shared engine allows: every container killed; their secrets tmpfs is gone with them.
        foreach (var tenant in new[] { a, b, c })
        {
            foreach (var container in (await engine.ContainersOf(tenant)).Where(x => x.State == "running"))
            {
                await engine.Docker.Containers.KillContainerAsync(container.ID, new ContainerKillParameters());
            }
        }

        var down = await cli.RunAsync("check", "--all", "--json");
        Assert.True(down.ExitCode == 5, down.ToString());
        var states = JsonDocument.Parse(down.Stdout).RootElement.GetProperty("tenants").EnumerateArray()
            .ToDictionary(t => t.GetProperty("tenant").GetString()!, t => (State: t.GetProperty("state").GetString(), Reason: t.GetProperty("reason").GetString() ?? ""));
        foreach (var tenant in new[] { a, b, c })
        {
            Assert.Equal("down", states[tenant].State);
            Assert.Contains("down: app exited (137), db exited (137)", states[tenant].Reason);
        }

        var back = await cli.RunAsync("reconcile", "--all", "--parallel", "3", "--json");
        Assert.True(back.ExitCode == 0, back.ToString());
        Assert.All(Outcomes(back), o => Assert.Equal("converged", o.Value));
        var up = await cli.RunAsync("check", "--all");
        Assert.True(up.ExitCode == 0, up.ToString());

        // Drift, by hand. a: db limits changed (docker update), app replaced by a container without the tenant's labels, a container
        // and a network with a's labels that its stamp does not know. b: app recreated from another image under the same labels, db
        // removed. c: everything removed. ghost: resources this registry made for a tenant it does not have.
        var aDb = await engine.Docker.Containers.InspectContainerAsync($"t-{a}-db");
        await engine.Docker.Containers.UpdateContainerAsync(aDb.ID, new ContainerUpdateParameters { NanoCPUs = aDb.HostConfig!.NanoCPUs * 2 });
        await ReplaceAsync($"t-{a}-app", "notes-app:1.1.0", labels: null);
        var owner = aDb.Config!.Labels!["provisioner.registry"];
        await engine.Docker.Containers.CreateContainerAsync(new CreateContainerParameters { Name = $"t-{a}-extra", Image = "notes-app:1.1.0", Labels = Labels(a, null) });
        await engine.Docker.Networks.CreateNetworkAsync(new NetworksCreateParameters { Name = $"t-{a}-spare", Labels = Labels(a, null) });
        var bApp = await engine.Docker.Containers.InspectContainerAsync($"t-{b}-app");
        await ReplaceAsync($"t-{b}-app", "notes-app:1.0.0", bApp.Config!.Labels);
        await engine.Docker.Containers.RemoveContainerAsync($"t-{b}-db", new ContainerRemoveParameters { Force = true });
        await RemoveAllAsync(c);
        await engine.Docker.Containers.CreateContainerAsync(new CreateContainerParameters { Name = $"t-{ghost}-app", Image = "notes-app:1.1.0", Labels = Labels(ghost, owner) });
        await engine.Docker.Networks.CreateNetworkAsync(new NetworksCreateParameters { Name = $"t-{ghost}-edge", Labels = Labels(ghost, owner) });

        var drift = await cli.RunAsync("drift", "--all", "--json");
        Assert.True(drift.ExitCode == 6, drift.ToString());
        var found = JsonDocument.Parse(drift.Stdout).RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => $"{f.GetProperty("tenant").GetString()} {f.GetProperty("kind").GetString()} {f.GetProperty("resource").GetString()}").ToList();
        Assert.Contains($"{a} limits container t-{a}-db", found);
        Assert.Contains($"{a} replaced container t-{a}-app", found);
        Assert.Contains($"{a} unknown container t-{a}-extra", found);
        Assert.Contains($"{a} unknown network t-{a}-spare", found);
        Assert.Contains($"{b} image container t-{b}-app", found);
        Assert.Contains($"{b} missing container t-{b}-db", found);
        Assert.Contains($"{c} nothing -", found);
        Assert.Contains(found, f => f.StartsWith($"{ghost} unregistered ", StringComparison.Ordinal) && f.Contains($"container t-{ghost}-app", StringComparison.Ordinal));
        Assert.DoesNotContain(found, f => !f.StartsWith(a, StringComparison.Ordinal) && !f.StartsWith(b, StringComparison.Ordinal)
            && !f.StartsWith(c, StringComparison.Ordinal) && !f.StartsWith(ghost, StringComparison.Ordinal));

        var reconcile = await cli.RunAsync("reconcile", "--all", "--parallel", "3", "--json");
        Assert.True(reconcile.ExitCode == 0, reconcile.ToString());
        var outcomes = Outcomes(reconcile);
        Assert.Equal(["converged", "converged", "converged", "cleaned"], new[] { a, b, c, ghost }.Select(t => outcomes[t]));
        var after = await cli.RunAsync("drift", "--all");
        Assert.True(after.ExitCode == 0, after.ToString());
        Assert.Empty((await engine.ResourcesOf(ghost)).Containers);
        Assert.Equal("notes-app:1.1.0", (await engine.Docker.Containers.InspectContainerAsync($"t-{b}-app")).Config!.Image);
    }

    private static Dictionary<string, string?> Outcomes(CliResult result) =>
        JsonDocument.Parse(result.Stdout).RootElement.GetProperty("tenants").EnumerateArray()
            .ToDictionary(t => t.GetProperty("tenant").GetString()!, t => t.GetProperty("outcome").GetString());

    private static Dictionary<string, string> Labels(string tenant, string? owner) =>
        owner is null ? new() { ["provisioner.tenant"] = tenant } : new() { ["provisioner.tenant"] = tenant, ["provisioner.registry"] = owner };

    /// <summary>Removes a container and creates another of the same name (not started) from <paramref name="image"/>.</summary>
    private async Task ReplaceAsync(string name, string image, IDictionary<string, string>? labels)
    {
        await engine.Docker.Containers.RemoveContainerAsync(name, new ContainerRemoveParameters { Force = true });
        await engine.Docker.Containers.CreateContainerAsync(new CreateContainerParameters { Name = name, Image = image, Labels = labels! });
    }

    private async Task RemoveAllAsync(string tenant)
    {
        foreach (var container in await engine.ContainersOf(tenant))
        {
            await engine.Docker.Containers.RemoveContainerAsync(container.ID, new ContainerRemoveParameters { Force = true });
        }

        var (_, networks, volumes) = await engine.ResourcesOf(tenant);
        foreach (var network in networks)
        {
            await engine.Docker.Networks.DeleteNetworkAsync(network);
        }

        foreach (var volume in volumes)
        {
            await engine.Docker.Volumes.RemoveAsync(volume, force: true);
        }
    }
}
