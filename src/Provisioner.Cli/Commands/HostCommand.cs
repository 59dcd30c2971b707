using System.CommandLine;
using Provisioner.Cli.Rendering;
using Provisioner.Core.Capacity;
using Spectre.Console;

namespace Provisioner.Cli.Commands;

/// <summary>
/// <c>provision host list|drain NODE|activate NODE</c>: the Swarm cluster's nodes, their state, the tenants whose data each
/// holds and its free capacity; drain moves every tenant off a node with its data, then its stateless work.
/// </summary>
internal static class HostCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var list = new Command("list", "The cluster's nodes: role, state, availability, tenants (whose data each holds), free capacity");
        list.SetHandler(globals, async (parse, services, output, ct) =>
        {
            Render(await services.Provisioner.HostsAsync(ct), output);
            return 0;
        });

        var node = new Argument<string>("node") { Description = "Node hostname, as `provision host list` shows it" };
        var drain = new Command(
            "drain",
            "Move every tenant whose data the node holds to other nodes with its data (verified backup, restore, checksums, health gate, switch), one at a time, then drain the node; rerun to finish an interrupted drain") { node };
        drain.SetHandler(globals, async (parse, services, output, ct) =>
        {
            var result = await services.Provisioner.DrainHostAsync(parse.GetValue(node)!, new LineProgress(output), ct);
            DrainReport.Render(result, output);
            return result.Drained ? 0 : 1;
        });

        var activate = new Command("activate", "Put a drained node back into scheduling") { node };
        activate.SetHandler(globals, async (parse, services, output, ct) =>
        {
            var host = await services.Provisioner.SetHostAvailabilityAsync(parse.GetValue(node)!, drain: false, force: false, ct);
            output.Line($"Node {host.Name} is active again.");
            Render([host], output);
            return 0;
        });

        return new Command("host", "The cluster's nodes (swarm backend): list them, drain one, activate it again") { list, drain, activate };
    }

    private static void Render(IReadOnlyList<HostStatus> hosts, CliOutput output)
    {
        if (output.Json)
        {
            output.WriteJson(hosts.Select(h => new
            {
                name = h.Name, role = h.Role, state = h.State, availability = h.Availability, address = h.Address, tenants = h.Tenants,
                total = new { cpus = h.Total.Cpu, memoryBytes = h.Total.Memory },
                free = h.Free is { } f ? new { cpus = f.Cpu, memoryBytes = f.Memory } : null,
            }));
            return;
        }

        var table = new Table().AddColumns("NODE", "ROLE", "STATE", "AVAILABILITY", "ADDRESS", "TENANTS", "FREE CPU", "FREE MEMORY");
        foreach (var h in hosts)
        {
            table.AddRow(
                Cell.Escape(h.Name), Cell.Escape(h.Role), Cell.Escape(h.State), Cell.Escape(h.Availability), Cell.Escape(h.Address),
                Cell.Escape(h.Tenants.Count == 0 ? "-" : $"{h.Tenants.Count}: {string.Join(", ", h.Tenants)}"),
                Cell.Escape(h.Free is { } f ? $"{Units.Cpus(f.Cpu)} of {Units.Cpus(h.Total.Cpu)}" : "-"),
                Cell.Escape(h.Free is { } m ? $"{Units.Bytes(m.Memory)} of {Units.Bytes(h.Total.Memory)}" : "-"));
        }

        output.Human.Write(table);
    }
}
