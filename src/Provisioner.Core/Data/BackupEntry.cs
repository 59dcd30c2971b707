namespace Provisioner.Core.Data;

/// <summary>One data component's verified backup inside a backup set: its file (relative to the set), size and checksum.</summary>
public sealed record BackupEntry(string Component, string Kind, string File, long Bytes, string Checksum);
