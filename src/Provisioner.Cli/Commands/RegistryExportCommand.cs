using System.CommandLine;
using Provisioner.Registry.Transfer;

namespace Provisioner.Cli.Commands;

/// <summary>
/// <c>provision registry export [--output FILE]</c>: every tenant (secrets still encrypted), the journal and capacity
/// history as JSON lines, on stdout or into FILE (written whole or not at all, readable by its owner only).
/// </summary>
internal static class RegistryExportCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var output = new Option<string?>("--output", "-o") { Description = "Write the export to this file instead of stdout" };
        var command = new Command("export", "Write the whole registry as JSON lines (the secret key is never included)") { output };
        command.SetHandler(globals, async (parse, services, cli, ct) =>
        {
            var file = parse.GetValue(output);
            RegistryTransferCounts counts;
            if (file is null)
            {
                counts = await services.Provisioner.ExportRegistryAsync(Console.Out, ct);
            }
            else
            {
                counts = await ExportToFileAsync(services.Provisioner, Path.GetFullPath(file), ct);
            }

            var summary = $"Exported {counts.Tenants} tenant(s), {counts.Operations} operation(s) and {counts.Snapshots} capacity snapshot(s) from {services.Provisioner.RegistryDescription}"
                + (file is null ? "" : $" to {file}") + " (secrets still encrypted; the key is not in it).";
            if (cli.Json && file is not null)
            {
                cli.WriteJson(new { registry = services.Provisioner.RegistryDescription, output = file, counts.Tenants, counts.Operations, counts.Snapshots });
            }
            else if (file is null)
            {
                cli.Progress(summary); // stdout holds the export itself
            }
            else
            {
                cli.Line(summary);
            }

            return 0;
        });
        return command;
    }

    private static async Task<RegistryTransferCounts> ExportToFileAsync(IProvisioner provisioner, string file, CancellationToken ct)
    {
        var temp = $"{file}.{Environment.ProcessId}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            RegistryTransferCounts counts;
            await using (var writer = new StreamWriter(temp, new System.Text.UTF8Encoding(false), options))
            {
                counts = await provisioner.ExportRegistryAsync(writer, ct);
            }

            File.Move(temp, file, overwrite: true);
            return counts;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new Core.Errors.BadInputException($"cannot write {file}: {e.Message}", "choose a writable --output path");
        }
        finally
        {
            File.Delete(temp);
        }
    }
}
