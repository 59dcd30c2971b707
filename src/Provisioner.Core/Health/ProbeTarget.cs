using Provisioner.Core.Backends;

namespace Provisioner.Core.Health;

/// <summary>The tenant a probe looks at: its endpoint, and its backend for checks that run inside components.</summary>
public sealed record ProbeTarget(string Tenant, Uri? Endpoint, ITenantBackend Backend);
