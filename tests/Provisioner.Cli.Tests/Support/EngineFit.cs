using Provisioner.Core.Capacity;

namespace Provisioner.Cli.Tests.Support;

/// <summary>How many tenants of one size the engine holds, the resource that stops one more, and what is left of it.</summary>
public sealed record EngineFit(int Count, ResourceKind Binding, double Left)
{
    /// <summary>The binding resource as the CLI names it in text ("CPU", "memory", "disk").</summary>
    public string BindingText => Units.Name(Binding);

    /// <summary>The binding resource as <c>--json</c> names it ("cpu", "memory", "disk").</summary>
    public string BindingJson => Binding.ToString().ToLowerInvariant();
}
