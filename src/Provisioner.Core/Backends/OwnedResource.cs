using Provisioner.Core.Reconcile;

namespace Provisioner.Core.Backends;

/// <summary>One resource on an engine that carries this registry's owner label and a tenant's label.</summary>
public sealed record OwnedResource(string Tenant, ResourceType Type, string Name);
