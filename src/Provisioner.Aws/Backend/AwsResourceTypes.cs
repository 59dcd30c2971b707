using Provisioner.Core.Reconcile;

namespace Provisioner.Aws.Backend;

/// <summary>The kinds of resource an AWS plan names.</summary>
internal static class AwsResourceTypes
{
    public static ResourceType Stack { get; } = ResourceType.Of("pulumi stack");

    public static ResourceType RdsSnapshot { get; } = ResourceType.Of("rds snapshot");

    public static ResourceType EcsTask { get; } = ResourceType.Of("ecs task");

    public static ResourceType EcsService { get; } = ResourceType.Of("ecs service");
}
