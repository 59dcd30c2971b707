namespace Provisioner.Aws.Backend;

/// <summary>How a one-off ECS task ended: the container's exit code (null when it never ran), why it stopped, and its log lines.</summary>
public sealed record EcsTask(string TaskArn, int? ExitCode, string? StoppedReason, string Logs)
{
    public bool Succeeded => ExitCode == 0;
}
