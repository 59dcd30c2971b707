using System.CommandLine;
using System.Globalization;
using Provisioner.Cli.Rendering;
using Provisioner.Core.Errors;

namespace Provisioner.Cli.Commands;

/// <summary><c>provision freeze --until 2026-12-24T00:00Z --reason "holiday"</c>: no change to any tenant until then, unless forced.</summary>
internal static class FreezeCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var until = new Option<string?>("--until") { Description = "When the freeze ends by itself: an instant (UTC unless it says otherwise, e.g. 2026-12-24T00:00Z) or a duration from now (48h, 2d)" };
        var reason = new Option<string?>("--reason") { Description = "Why: shown in every refusal and in `provision list`" };
        var command = new Command("freeze", "Freeze the fleet: every change (tenant, upgrade, destroy, ...) is refused until --until unless run with --force; reads go on") { until, reason };
        command.SetHandler(globals, async (parse, services, output, ct) =>
        {
            var untilText = parse.GetValue(until);
            var why = parse.GetValue(reason);
            if (untilText is null || why is null)
            {
                throw new BadInputException(
                    $"{(untilText is null ? "--until" : "--reason")} is required", "e.g. `provision freeze --until 2026-12-24T00:00Z --reason \"holiday\"`; `provision unfreeze` ends it");
            }

            var end = Instant(untilText, services.Time.GetUtcNow());
            var freeze = await services.Provisioner.FreezeAsync(end, why, $"{Environment.UserName}@{Environment.MachineName}", ct);
            FreezeViews.Render(freeze, frozen: true, output);
            return 0;
        });
        return command;
    }

    private static DateTimeOffset Instant(string text, DateTimeOffset now)
    {
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
        {
            return at;
        }

        try
        {
            return now + Core.Lifecycle.LifeSpan.Parse(text, "--until");
        }
        catch (BadInputException)
        {
            throw new BadInputException($"--until '{text}' is neither an instant nor a duration", "e.g. --until 2026-12-24T00:00Z (UTC) or --until 48h");
        }
    }
}
