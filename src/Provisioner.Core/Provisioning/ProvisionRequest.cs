namespace Provisioner.Core.Provisioning;

/// <summary>
/// <c>provision tenant NAME [--template T] [--size S] [--dry-run] [--force] [--backend B]</c>; <see cref="Force"/> skips the
/// capacity refusal; <see cref="Backend"/> places a new tenant (an existing one stays where it is). <see cref="Ttl"/> (from now) or
/// <see cref="ExpiresAt"/> records when <c>provision expire</c> may remove the tenant; with neither, an existing tenant keeps its expiry.
/// <see cref="DataServersOnly"/> starts only the components that hold data (no other component, no job) and gates on their
/// read-only checks: a clone's first start, whose data is replaced next and which is then started whole and gated.
/// </summary>
public sealed record ProvisionRequest(
    string Name, string? Template = null, string? Size = null, bool DryRun = false, bool Force = false, string? Backend = null,
    TimeSpan? Ttl = null, DateTimeOffset? ExpiresAt = null, bool DataServersOnly = false);
