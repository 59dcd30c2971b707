using Docker.DotNet;
using Docker.DotNet.Models;

namespace Provisioner.Swarm.Backend;

/// <summary>Waits on a service's tasks: until one runs, or a job's task ends. Polls the manager (there is no task event stream per service).</summary>
internal static class SwarmTasks
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);

    /// <summary>Tasks that ran and failed after which a service is reported as not starting, before its deadline.</summary>
    private const int FailuresBeforeGivingUp = 3;

    /// <summary>
    /// Tasks a node rejected before starting them, after which a service is reported as not starting. Higher: under load a
    /// node rejects for passing reasons ("no longer meets constraints" when seen Down for a moment; "missing network
    /// attachments" when a new overlay has not reached it yet), and Swarm then makes another task.
    /// </summary>
    private const int RejectionsBeforeGivingUp = 10;

    public static async Task<IReadOnlyList<TaskResponse>> ListAsync(IDockerClient manager, string service, CancellationToken ct) =>
        (await manager.Tasks.ListAsync(
            new TasksListParameters { Filters = new Dictionary<string, IDictionary<string, bool>> { ["service"] = new Dictionary<string, bool> { [service] = true } } }, ct))
        .OrderByDescending(t => t.CreatedAt).ToList();

    /// <summary>Null once a task runs; else why not (the last task's error, or the scheduler's reason it is pending).</summary>
    public static async Task<string?> WaitRunningAsync(IDockerClient manager, string service, TimeSpan timeout, CancellationToken ct)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        string? last = null;
        try
        {
            while (true)
            {
                var tasks = await ListAsync(manager, service, deadline.Token);
                if (tasks.Any(t => t.DesiredState == TaskState.Running && t.Status?.State == TaskState.Running))
                {
                    return null;
                }

                // Rejections (before start, often passing) and failures (the process ran and ended) are counted apart.
                var failed = tasks.Where(t => t.Status?.State == TaskState.Failed).ToList();
                var rejected = tasks.Where(t => t.Status?.State == TaskState.Rejected).ToList();
                last = Describe(tasks.FirstOrDefault()) ?? last;
                if (failed.Count >= FailuresBeforeGivingUp)
                {
                    return $"{failed.Count} tasks failed; the last: {Describe(failed[0])}";
                }

                if (rejected.Count >= RejectionsBeforeGivingUp)
                {
                    return $"{rejected.Count} tasks were rejected by their node; the last: {Describe(rejected[0])}";
                }

                await Task.Delay(Poll, deadline.Token);
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return $"no task running after {timeout.TotalSeconds:0} s ({last ?? "no task"})";
        }
    }

    /// <summary>Waits until the job's task completes or fails.</summary>
    public static async Task<(bool Succeeded, string Text)> WaitJobAsync(IDockerClient manager, string service, TimeSpan timeout, CancellationToken ct)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        try
        {
            while (true)
            {
                var task = (await ListAsync(manager, service, deadline.Token)).FirstOrDefault();
                switch (task?.Status?.State)
                {
                    case TaskState.Complete:
                        return (true, "complete");
                    case TaskState.Failed or TaskState.Rejected or TaskState.Shutdown or TaskState.Orphaned:
                        return (false, Describe(task) ?? "failed");
                }

                await Task.Delay(Poll, deadline.Token);
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            await manager.Swarm.RemoveServiceAsync(service, CancellationToken.None);
            return (false, $"did not finish within {timeout.TotalSeconds:0} s");
        }
    }

    public static string? Describe(TaskResponse? task)
    {
        if (task?.Status is not { } s)
        {
            return null;
        }

        var state = s.State?.ToString().ToLowerInvariant() ?? "unknown";
        var exit = s.ContainerStatus?.ExitCode is > 0 and var code ? $" (exit {code})" : "";
        var why = !string.IsNullOrEmpty(s.Err) ? s.Err : s.Message;
        return $"{state}{exit}{(string.IsNullOrEmpty(why) ? "" : ": " + why)}";
    }
}
