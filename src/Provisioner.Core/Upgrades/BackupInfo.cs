namespace Provisioner.Core.Upgrades;

/// <summary>A verified database backup: where it is, how big, and the checksum its scratch restore matched.</summary>
public sealed record BackupInfo(string Path, long Bytes, string Checksum);
