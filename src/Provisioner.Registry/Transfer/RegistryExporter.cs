using System.Text.Json;
using Provisioner.Core.Capacity;
using Provisioner.Core.Tenants;

namespace Provisioner.Registry.Transfer;

/// <summary>
/// Writes a registry as JSON lines: a header, every tenant (secrets still encrypted), every operation oldest first with its
/// steps, every capacity snapshot, and a trailer with the counts. Works on any store through Core's interfaces.
/// </summary>
internal sealed class RegistryExporter(ITenantRegistry registry, ICapacityHistory history, string store, string? keyId, TimeProvider time)
{
    public async Task<RegistryTransferCounts> ExportAsync(TextWriter output, CancellationToken ct)
    {
        var tenants = await registry.ListAsync(ct);
        var operations = await registry.Journal.ListAsync(null, int.MaxValue, ct);
        var snapshots = await history.ListAsync(DateTimeOffset.MinValue, ct);

        await WriteAsync(output, new ExportHeader(ExportHeader.Marker, ExportHeader.CurrentVersion, RegistryTime.Now(time), store, keyId), ct);
        foreach (var t in tenants)
        {
            await WriteAsync(output, TenantLine.From(t), ct);
        }

        foreach (var o in operations.Reverse())
        {
            await WriteAsync(output, OperationLine.From(o), ct);
        }

        foreach (var s in snapshots)
        {
            await WriteAsync(output, SnapshotLine.From(s), ct);
        }

        await WriteAsync(output, new ExportTrailer(ExportTrailer.Marker, tenants.Count, operations.Count, snapshots.Count), ct);
        await output.FlushAsync(ct);
        return new RegistryTransferCounts(tenants.Count, operations.Count, snapshots.Count);
    }

    private static Task WriteAsync<T>(TextWriter output, T line, CancellationToken ct) =>
        output.WriteLineAsync(JsonSerializer.Serialize(line, TransferJson.Of<T>()).AsMemory(), ct);
}
