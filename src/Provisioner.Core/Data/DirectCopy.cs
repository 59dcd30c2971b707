namespace Provisioner.Core.Data;

/// <summary>
/// One component's staged direct copy (<see cref="IDirectCopy"/>): its size, the checksum it was verified against (for a
/// PostgreSQL cluster, its backup manifest's), and whether it was a complete copy an interrupted run had left.
/// </summary>
public sealed record DirectCopy(long Bytes, string Checksum, bool Reused);
