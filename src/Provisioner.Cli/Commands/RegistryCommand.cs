using System.CommandLine;

namespace Provisioner.Cli.Commands;

/// <summary><c>provision registry export|import</c>: move a fleet's registry between stores (SQLite and a team's PostgreSQL).</summary>
internal static class RegistryCommand
{
    public static Command Create(GlobalOptions globals) =>
        new("registry", "Move the registry between stores: export it as JSON lines, import an export (secrets stay encrypted)")
        {
            RegistryExportCommand.Create(globals),
            RegistryImportCommand.Create(globals),
        };
}
