namespace Provisioner.Registry.Transfer;

/// <summary>The last line of an export: its counts, so a file cut short is refused instead of half-imported.</summary>
internal sealed record ExportTrailer(string Type, int Tenants, int Operations, int Snapshots)
{
    public const string Marker = "end";
}
