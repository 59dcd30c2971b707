using System.CommandLine;

namespace Provisioner.Cli.Commands;

/// <summary><c>provision edge ca</c> (where the edge's CA root is, for clients to trust) and <c>provision edge sync</c>.</summary>
internal static class EdgeCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var ca = new Command("ca", "Print the path of the edge proxy's CA root certificate (exported to the state folder), for clients to trust");
        ca.SetHandler(globals, async (parse, services, output, ct) =>
        {
            var file = await services.Provisioner.EdgeCaFileAsync(ct);
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
            var routes = await services.Provisioner.SyncEdgeAsync(ct);
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
            var removed = await services.Provisioner.RemoveEdgeAsync(ct);
            var name = services.Provisioner.Edge!.Name;
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
        return new Command("edge", "The shared edge proxy of the Docker backend (edge: in provisioner.yaml, or the one this state folder's tenants are behind)") { ca, sync, remove };
    }
}
