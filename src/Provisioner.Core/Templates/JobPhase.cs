namespace Provisioner.Core.Templates;

/// <summary>When a job runs relative to the rollout of the long-running components.</summary>
public enum JobPhase
{
    /// <summary>Before its component is (re)created, once that component's dependencies are ready: a schema migration.</summary>
    Before,

    /// <summary>After every component is running: a seed, a cache warm-up, a notification.</summary>
    After,
}
