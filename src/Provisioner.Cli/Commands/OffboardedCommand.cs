using System.CommandLine;
using Provisioner.Cli.Rendering;

namespace Provisioner.Cli.Commands;

/// <summary><c>provision offboarded</c>: the offboarded tenants' final backups, with their keep-until dates.</summary>
internal static class OffboardedCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var command = new Command("offboarded", "List offboarded tenants: product@version, size, when, kept until, size on disk");
        command.SetHandler(globals, (_, services, output, _) =>
        {
            var sets = services.Provisioner.ListOffboarded();
            if (output.Json)
            {
                output.WriteJson(sets.Select(LifecycleViews.Set));
                return Task.FromResult(0);
            }

            if (sets.Count == 0)
            {
                output.Line("No offboarded tenants. `provision offboard NAME --retain 30d` offboards one.");
                return Task.FromResult(0);
            }

            output.Human.Write(LifecycleViews.SetsTable(sets, services.Time.GetUtcNow()));
            output.Line($"{sets.Count} offboarded backup(s); `provision restore-offboarded NAME` brings one back, `provision purge` deletes the expired ones.");
            return Task.FromResult(0);
        });
        return command;
    }
}
