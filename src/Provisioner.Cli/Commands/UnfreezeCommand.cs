using System.CommandLine;
using Provisioner.Cli.Rendering;

namespace Provisioner.Cli.Commands;

/// <summary><c>provision unfreeze</c>: ends the fleet's freeze now.</summary>
internal static class UnfreezeCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var command = new Command("unfreeze", "End the fleet's freeze now (it also ends by itself at its --until)");
        command.SetHandler(globals, async (_, services, output, ct) =>
        {
            var lifted = await services.Provisioner.UnfreezeAsync(ct);
            if (lifted is null)
            {
                if (output.Json)
                {
                    output.WriteJson(new { frozen = false, lifted = (object?)null });
                }
                else
                {
                    output.Line("The fleet was not frozen; nothing to do.");
                }

                return 0;
            }

            FreezeViews.Render(lifted, frozen: false, output);
            return 0;
        });
        return command;
    }
}
