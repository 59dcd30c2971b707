using Docker.DotNet.Models;
using Provisioner.Core.Backends;
using Provisioner.Core.Stamps;

namespace Provisioner.Swarm.Backend;

/// <summary>One tenant's services with their tasks, as the manager reports them: the raw material of plans, status and capacity.</summary>
internal sealed record TenantServices(IReadOnlyList<ServiceTasks> Services, IReadOnlyList<NetworkResponse> Networks, IReadOnlyList<Secret> Secrets);

/// <summary>A service and its tasks (newest first).</summary>
internal sealed record ServiceTasks(SwarmService Service, IReadOnlyList<TaskResponse> Tasks)
{
    public string Name => Service.Spec?.Name ?? "";

    public IDictionary<string, string> Labels => Service.Spec?.Labels ?? new Dictionary<string, string>();

    public string Component => Labels.TryGetValue(StampLabels.Component, out var c) ? c : Name;

    public bool IsJob => Service.Spec?.Mode?.ReplicatedJob is not null;

    /// <summary>The task that runs now (desired and actual state running), if any.</summary>
    public TaskResponse? Running => Tasks.FirstOrDefault(t => t.DesiredState == TaskState.Running && t.Status?.State == TaskState.Running);

    /// <summary>The task that counts: the running one, else the newest.</summary>
    public TaskResponse? Current => Running ?? Tasks.FirstOrDefault();

    /// <summary>Scaled to zero (a stopped component).</summary>
    public bool Stopped => Service.Spec?.Mode?.Replicated?.Replicas == 0;

    /// <summary>The service's state in Core's terms: a job's outcome, or whether a service's task runs.</summary>
    public (ComponentState State, long? ExitCode) State()
    {
        var task = Current;
        if (IsJob)
        {
            return task?.Status?.State switch
            {
                TaskState.Complete => (ComponentState.Exited, 0),
                TaskState.Failed or TaskState.Rejected or TaskState.Shutdown or TaskState.Orphaned => (ComponentState.Exited, task.Status?.ContainerStatus?.ExitCode is > 0 and var code ? code : 1),
                null => (ComponentState.Created, null),
                _ => (ComponentState.Running, null),
            };
        }

        if (Running is not null)
        {
            return (ComponentState.Running, null);
        }

        return Stopped ? (ComponentState.Exited, 0) : (Tasks.Count == 0 ? ComponentState.Created : ComponentState.Restarting, null);
    }

    /// <summary>The swarm's words for people: "running", "pending: no suitable node (insufficient resources on 3 nodes)".</summary>
    public string Describe()
    {
        var task = Current;
        if (task?.Status is not { } status)
        {
            return Stopped ? "stopped (0 replicas)" : "no task yet";
        }

        var state = status.State?.ToString().ToLowerInvariant() ?? "unknown";
        var why = !string.IsNullOrEmpty(status.Err) ? status.Err : status.State is TaskState.Pending or TaskState.Failed or TaskState.Rejected ? status.Message : null;
        return string.IsNullOrEmpty(why) ? state : $"{state}: {why}";
    }
}
