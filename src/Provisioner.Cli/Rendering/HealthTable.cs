using Provisioner.Core.Health;
using Spectre.Console;

namespace Provisioner.Cli.Rendering;

/// <summary>The CHECK / RESULT / OUTPUT table that <c>tenant</c> and <c>status</c> both print.</summary>
internal static class HealthTable
{
    public static Table For(HealthReport report)
    {
        var table = new Table().AddColumns("CHECK", "RESULT", "OUTPUT");
        foreach (var c in report.Checks)
        {
            table.AddRow(Cell.Escape(c.Name), Cell.Status(c.Status), Cell.Escape(c.Output));
        }

        return table;
    }
}
