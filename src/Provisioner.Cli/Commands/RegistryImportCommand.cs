using System.CommandLine;
using Provisioner.Core.Errors;

namespace Provisioner.Cli.Commands;

/// <summary>
/// <c>provision registry import FILE [--replace]</c>: an export into the configured registry, in one transaction. Tenants it
/// already has are refused (exit 3) unless --replace; journal entries and snapshots it already has are skipped.
/// </summary>
internal static class RegistryImportCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var file = new Argument<string>("file") { Description = "A file written by `provision registry export` (- reads stdin)" };
        var replace = new Option<bool>("--replace") { Description = "Overwrite tenants the registry already has with the file's records" };
        var command = new Command("import", "Read an export into the configured registry (all of it, or nothing)") { file, replace };
        command.SetHandler(globals, async (parse, services, output, ct) =>
        {
            var path = parse.GetValue(file)!;
            using var opened = path == "-" ? null : Open(path);
            var counts = await services.Provisioner.ImportRegistryAsync(opened ?? Console.In, path == "-" ? "stdin" : path, parse.GetValue(replace), ct);
            var registry = services.Provisioner.RegistryDescription;
            if (output.Json)
            {
                output.WriteJson(new
                {
                    registry, file = path, counts.Tenants, counts.ReplacedTenants, counts.Operations, counts.SkippedOperations, counts.Snapshots, counts.SkippedSnapshots,
                });
                return 0;
            }

            output.Line(
                $"Imported {counts.Tenants} tenant(s){(counts.ReplacedTenants > 0 ? $" ({counts.ReplacedTenants} replaced)" : "")}, "
                + $"{counts.Operations} operation(s){(counts.SkippedOperations > 0 ? $" ({counts.SkippedOperations} already there)" : "")} and "
                + $"{counts.Snapshots} capacity snapshot(s){(counts.SkippedSnapshots > 0 ? $" ({counts.SkippedSnapshots} already there)" : "")} into {registry}.");
            return 0;
        });
        return command;
    }

    private static StreamReader Open(string path)
    {
        try
        {
            return new StreamReader(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BadInputException($"cannot read {path}: {e.Message}", "give a file written by `provision registry export`");
        }
    }
}
