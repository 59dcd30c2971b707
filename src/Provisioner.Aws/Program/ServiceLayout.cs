using Provisioner.Aws.Backend;
using Provisioner.Core.Templates;

namespace Provisioner.Aws.Program;

/// <summary>
/// A long-running component that runs as an ECS Fargate service: its image (with the registry), its task size from its
/// share of the tenant's size, and that share itself (the <c>${self.*}</c> values).
/// </summary>
internal sealed record ServiceLayout(ComponentSpec Component, string Image, FargateTask Task, double Cpu, long MemoryBytes)
{
    public string Name => Component.Name;
}
