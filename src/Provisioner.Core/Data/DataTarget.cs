using Provisioner.Core.Backends;
using Provisioner.Core.Templates;

namespace Provisioner.Core.Data;

/// <summary>One data component of one tenant, as a data adapter sees it: what the template declares, and the backend it runs on.</summary>
public sealed record DataTarget(string Tenant, ComponentSpec Component, ITenantBackend Backend)
{
    public DataSpec Data => Component.Data ?? throw new InvalidOperationException($"{Component.Name} declares no data");

    public override string ToString() => $"{Tenant}'s {Component.Name} ({Data.Kind})";
}
