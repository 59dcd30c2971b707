namespace Provisioner.Core.Provisioning;

/// <summary><c>provision tenant NAME [--template T] [--size S] [--dry-run] [--force]</c>; <see cref="Force"/> skips the capacity refusal.</summary>
public sealed record ProvisionRequest(string Name, string? Template = null, string? Size = null, bool DryRun = false, bool Force = false);
