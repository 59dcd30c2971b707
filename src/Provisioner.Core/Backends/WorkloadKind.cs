namespace Provisioner.Core.Backends;

/// <summary>What a component runs as on its backend.</summary>
public enum WorkloadKind
{
    /// <summary>A long-running process the backend shows directly (a container); its restarts are visible.</summary>
    Service,

    /// <summary>A run-to-completion job (a migration).</summary>
    Job,

    /// <summary>A service the platform keeps running itself (an ECS service, an RDS instance): restarts are not visible.</summary>
    Managed,
}
