using System.Text.Json;
using Provisioner.Core.Capacity;
using Provisioner.Core.Errors;
using Provisioner.Core.Tenants;

namespace Provisioner.Registry.Transfer;

/// <summary>
/// Reads a whole export before anything is written: every line must parse, tenants must have valid names and appear
/// once, and the trailer must match, so a wrong or cut-short file is refused (naming the line) with nothing imported.
/// </summary>
internal static class RegistryImportReader
{
    public static async Task<RegistryDump> ReadAsync(TextReader input, string source, CancellationToken ct)
    {
        ExportHeader? header = null;
        ExportTrailer? trailer = null;
        var tenants = new List<TenantRecord>();
        var operations = new List<OperationRecord>();
        var snapshots = new List<CapacitySnapshot>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        var number = 0;
        while (await input.ReadLineAsync(ct) is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            if (trailer is not null)
            {
                throw Bad(source, number, "there is more after the end line");
            }

            var type = TypeOf(line, source, number);
            if (header is null && type != ExportHeader.Marker)
            {
                throw Bad(source, number, "this is not a provision registry export (its first line is not the header)");
            }

            switch (type)
            {
                case ExportHeader.Marker when header is null:
                    header = Parse<ExportHeader>(line, source, number);
                    if (header.Version != ExportHeader.CurrentVersion)
                    {
                        throw Bad(source, number, $"export format {header.Version} is not one this provision reads ({ExportHeader.CurrentVersion})");
                    }

                    break;
                case TenantLine.Marker:
                    var tenant = Parse<TenantLine>(line, source, number).ToRecord();
                    Check(() => TenantName.Validate(tenant.Name), source, number);
                    if (!names.Add(tenant.Name))
                    {
                        throw Bad(source, number, $"tenant {tenant.Name} appears twice");
                    }

                    tenants.Add(tenant);
                    break;
                case OperationLine.Marker:
                    operations.Add(Parse<OperationLine>(line, source, number).ToRecord());
                    break;
                case SnapshotLine.Marker:
                    snapshots.Add(Parse<SnapshotLine>(line, source, number).ToSnapshot());
                    break;
                case ExportTrailer.Marker:
                    trailer = Parse<ExportTrailer>(line, source, number);
                    if ((trailer.Tenants, trailer.Operations, trailer.Snapshots) != (tenants.Count, operations.Count, snapshots.Count))
                    {
                        throw Bad(source, number, $"the end line counts {trailer.Tenants} tenants, {trailer.Operations} operations and {trailer.Snapshots} snapshots, the file holds {tenants.Count}, {operations.Count} and {snapshots.Count}");
                    }

                    break;
                default:
                    throw Bad(source, number, $"unknown line type '{type}'");
            }
        }

        if (header is null || trailer is null)
        {
            throw new BadInputException(
                header is null ? $"{source} is empty" : $"{source} ends before its end line (it was cut short); nothing was imported",
                "export again with `provision registry export --output FILE`");
        }

        return new RegistryDump(header, tenants, operations, snapshots);
    }

    private static string TypeOf(string line, string source, int number)
    {
        try
        {
            using var doc = JsonDocument.Parse(line);
            return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String
                ? t.GetString()!
                : throw Bad(source, number, "a line is not an object with a \"type\"");
        }
        catch (JsonException e)
        {
            throw Bad(source, number, $"not JSON ({e.Message.Split('.')[0]})");
        }
    }

    private static T Parse<T>(string line, string source, int number)
    {
        try
        {
            return JsonSerializer.Deserialize(line, TransferJson.Of<T>()) ?? throw Bad(source, number, "empty line object");
        }
        catch (Exception e) when (e is JsonException or ArgumentException)
        {
            throw Bad(source, number, $"a {typeof(T).Name.Replace("Line", "", StringComparison.Ordinal).ToLowerInvariant()} line is malformed ({e.Message.Split('.')[0]})");
        }
    }

    private static void Check(Action validate, string source, int number)
    {
        try
        {
            validate();
        }
        catch (BadInputException e)
        {
            throw Bad(source, number, e.Message);
        }
    }

    private static BadInputException Bad(string source, int line, string problem) =>
        new($"{source}:{line}: {problem}; nothing was imported", "give a file written by `provision registry export`");
}
