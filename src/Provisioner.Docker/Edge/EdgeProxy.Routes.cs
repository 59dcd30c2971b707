using System.Text;
using Docker.DotNet;
using Docker.DotNet.Models;
using Microsoft.Extensions.Logging;
using Provisioner.Core.Edge;
using Provisioner.Core.Errors;
using Provisioner.Docker.Engine;

namespace Provisioner.Docker.Edge;

/// <summary>The edge's routes: read from the engine's labels, loaded into Caddy (<c>caddy reload</c>), its CA root exported.</summary>
internal sealed partial class EdgeProxy
{
    private const int LoadAttempts = 20;

    private readonly EdgeLoadMarker _loaded = new(edge);

    /// <summary>
    /// Loads the routes the engine's labels name (all but <paramref name="exclude"/>'s), again while they change under it.
    /// With <paramref name="startedAt"/> (a converge into a container that already ran), a config this home already loaded
    /// into that same container is not loaded again (<see cref="EdgeLoadMarker"/>). Returns the routes and whether it loaded.
    /// </summary>
    private async Task<(int Routes, bool Loaded)> SyncAsync(string id, string? exclude, CancellationToken ct, bool force = false, string? startedAt = null)
    {
        var routes = await RoutesAsync(exclude, ct);
        var certificate = edge.Certificate is { } files
            ? new EdgePem(await File.ReadAllTextAsync(files.CertificateFile, ct), await File.ReadAllTextAsync(files.KeyFile, ct))
            : null;
        var config = CaddyConfig.Build(routes, certificate);
        var converging = startedAt is not null && exclude is null && !force;
        if (converging && _loaded.Matches(id, startedAt!, config))
        {
            return (routes.Count, false);
        }

        _loaded.Forget();
        var stable = false;
        for (var round = 0; round < 5 && !stable; round++)
        {
            await LoadAsync(id, config, ct, force && round == 0);
            var again = await RoutesAsync(exclude, ct);
            stable = again.SequenceEqual(routes);
            if (!stable)
            {
                routes = again;
                config = CaddyConfig.Build(routes, certificate);
            }
        }

        if (converging && stable)
        {
            _loaded.Record(id, startedAt!, config);
        }

        return (routes.Count, true);
    }

    private async Task<IReadOnlyList<EdgeRoute>> RoutesAsync(string? exclude, CancellationToken ct)
    {
        var networks = await docker.Networks.ListNetworksAsync(
            new NetworksListParameters { Filters = EngineFilters.Label($"{EdgeLabels.Edge}={edge.Name}") }, ct);
        return networks
            .Where(n => n.Labels is not null && n.Labels.ContainsKey(EdgeLabels.Host) && n.Labels.ContainsKey(EdgeLabels.Upstream))
            .Select(n => new EdgeRoute(n.Labels.TryGetValue(Core.Stamps.StampLabels.Tenant, out var t) ? t : n.Name, n.Labels[EdgeLabels.Host], n.Labels[EdgeLabels.Upstream], n.Name))
            .Where(r => r.Tenant != exclude)
            .OrderBy(r => r.Host, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The config through stdin to a file on the edge's tmpfs, then <c>caddy reload</c> (the admin API may still be starting: retried).</summary>
    private async Task LoadAsync(string id, string json, CancellationToken ct, bool force = false)
    {
        var script = "f=/tmp/load-$$.json; cat > \"$f\" && caddy reload --config \"$f\" --address " + CaddyConfig.AdminAddress + (force ? " --force" : "") + "; rc=$?; rm -f \"$f\"; exit $rc";
        ExecResult? result = null;
        for (var attempt = 1; attempt <= LoadAttempts; attempt++)
        {
            using var stdin = new MemoryStream(Encoding.UTF8.GetBytes(json));
            try
            {
                result = await ExecRunner.RunAsync(docker.Exec, id, new ExecRequest { Cmd = ["sh", "-c", script], Stdin = stdin }, ct);
                if (result.ExitCode == 0)
                {
                    return;
                }
            }
            catch (DockerApiException e) when (Restarting(e))
            {
                // Just started, Caddy exited once and the engine is restarting it (unless-stopped): an exec is refused meanwhile.
                log.LogWarning("Edge proxy {Edge} is restarting; loading its routes again shortly", edge.Name);
                result = new ExecResult(-1, "", "the edge proxy's container kept restarting");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), ct);
        }

        throw new ProvisionerException(
            $"the edge proxy {edge.Name} refused its routes: {result?.Stderr.Trim().Split('\n')[^1]}",
            hint: $"see `docker logs {edge.Name}`; removing the container lets the next provision recreate it with every route");
    }

    /// <summary>The engine refused an exec because the container is between two runs (the engine is restarting it).</summary>
    private static bool Restarting(DockerApiException e) =>
        e.StatusCode == System.Net.HttpStatusCode.Conflict && EngineMessage.Of(e).Contains("is restarting", StringComparison.Ordinal);

    private async Task ExportCaAsync(string id, CancellationToken ct)
    {
        if (edge.Certificate is not null)
        {
            return;   // the operator's certificate: the edge has no CA of its own to export
        }

        var result = await ExecRunner.RunAsync(docker.Exec, id, new ExecRequest { Cmd = ["cat", CaddyConfig.RootCertificate] }, ct);
        if (result.ExitCode != 0 || !result.Stdout.Contains("BEGIN CERTIFICATE", StringComparison.Ordinal))
        {
            return; // no CA yet: Caddy makes it with the first route
        }

        if (File.Exists(edge.CaFile) && await File.ReadAllTextAsync(edge.CaFile, ct) == result.Stdout)
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(edge.CaFile)!);
        var temporary = edge.CaFile + ".tmp";
        await File.WriteAllTextAsync(temporary, result.Stdout, ct);
        File.Move(temporary, edge.CaFile, overwrite: true);
        log.LogInformation("Exported the edge CA root of {Edge} to {CaFile}", edge.Name, edge.CaFile);
    }
}
