namespace Provisioner.Core.Provisioning;

/// <summary><c>provision tenant NAME [--template T] [--size S] [--dry-run]</c>.</summary>
public sealed record ProvisionRequest(string Name, string? Template = null, string? Size = null, bool DryRun = false);
