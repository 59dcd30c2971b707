using System.CommandLine;

namespace Provisioner.Cli.Commands;

/// <summary><c>provision edge ca</c> (where the edge's CA root is, for clients to trust), <c>sync</c> and <c>remove</c>, of the engine's edge or the cluster's (<c>--backend</c>).</summary>
internal static class EdgeCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var backend = new Option<string?>("--backend", "-b") { Description = "Whose edge: docker (the engine's) or swarm (the cluster's, on its manager); default: the default backend (backend: in provisioner.yaml)", Recursive = true };
        backend.AcceptOnlyFromAmong("docker", "swarm", "aws");
        var ca = new Command("ca", "Print the path of the edge proxy's CA root certificate (exported to the state folder), for clients to trust");
        ca.SetHandler(globals, async (parse, services, output, ct) =>
        {
            var file = await services.Provisioner.EdgeCaFileAsync(parse.GetValue(backend), ct);
            if (output.Json)
            {
                output.WriteJson(new { caFile = file });
            }
            else
            {
                output.Line(file);
            }

            return 0;
        });

        var sync = new Command("sync", "Recreate the edge proxy if it is gone and load every tenant's route again (rebuilt from the engine)");
        sync.SetHandler(globals, async (parse, services, output, ct) =>
        {
            var routes = await services.Provisioner.SyncEdgeAsync(parse.GetValue(backend), ct);
            if (output.Json)
            {
                output.WriteJson(new { routes });
            }
            else
            {
                output.Line($"Edge proxy converged: {routes} tenant route(s) loaded.");
            }

            return 0;
        });
        var remove = new Command("remove", "Remove the edge proxy (container, network, volume and its CA) once no tenant is behind it");
        remove.SetHandler(globals, async (parse, services, output, ct) =>
        {
            var removed = await services.Provisioner.RemoveEdgeAsync(parse.GetValue(backend), ct);
            var name = services.Provisioner.EdgeFor(parse.GetValue(backend))!.Name;
            if (output.Json)
            {
                output.WriteJson(new { edge = name, removed });
            }
            else
            {
                output.Line(removed ? $"Removed the edge proxy {name} (container, network, volume)." : $"The edge proxy {name} does not exist; nothing to remove.");
            }

            return 0;
        });
        var edge = new Command("edge", "The shared edge proxy: the Docker engine's, or the Swarm cluster's (edge: in provisioner.yaml, or the one this state folder's tenants are behind)") { ca, sync, remove };
        edge.Options.Add(backend);
        return edge;
    }
}
