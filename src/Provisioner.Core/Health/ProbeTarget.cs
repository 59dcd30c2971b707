using Provisioner.Core.Backends;
using Provisioner.Core.Templates;

namespace Provisioner.Core.Health;

/// <summary>The tenant a probe looks at: its template, its entry endpoint, and its backend for checks that run inside components.</summary>
public sealed record ProbeTarget(string Tenant, ProductTemplate Template, Uri? Endpoint, ITenantBackend Backend);
