using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Provisioner.Aws.Process;
using Provisioner.Aws.Program;
using Provisioner.Aws.Pulumi;
using Provisioner.Core.Errors;

namespace Provisioner.Aws.Backend;

/// <summary>
/// Runs a one-off Fargate task from a component's one-off task definition in the stack (a template job, an exec check, or
/// a database client's psql) with the AWS CLI through the same <see cref="IProcessRunner"/>: run-task, wait
/// tasks-stopped, describe-tasks, get-log-events. The command follows <see cref="OneOffTask.Script"/>, as in the program.
/// </summary>
internal sealed class EcsTaskRunner(IProcessRunner runner, AwsBackendOptions options, ILogger log)
{
    public async Task<EcsTask> RunAsync(StackOutputs stack, string component, IReadOnlyList<string> command, CancellationToken ct)
    {
        var definitions = stack.Map(AwsOutputNames.OneOffTasks);
        if (!definitions.TryGetValue(component, out var definition))
        {
            throw new ProvisionerException(
                $"component {component} has no one-off task on AWS (only job owners, components with exec checks and databases have one: {string.Join(", ", definitions.Keys)})");
        }

        var cluster = stack.Require(AwsOutputNames.ClusterArn);
        var overrides = new JsonObject { ["containerOverrides"] = new JsonArray(new JsonObject { ["name"] = component, ["command"] = new JsonArray([.. new[] { OneOffTask.Script }.Concat(command).Select(c => (JsonNode?)c)]) }) }.ToJsonString();
        var network = $"awsvpcConfiguration={{subnets=[{string.Join(',', stack.List(AwsOutputNames.PrivateSubnets))}],securityGroups=[{stack.Require(AwsOutputNames.TasksSecurityGroup)}],assignPublicIp=DISABLED}}";
        var started = await AwsAsync(
            ["ecs", "run-task", "--cluster", cluster, "--task-definition", definition, "--launch-type", "FARGATE",
             "--network-configuration", network, "--overrides", overrides, "--started-by", "provision", "--output", "json"],
            stack, ct);
        using var startedDoc = JsonDocument.Parse(started);
        var failures = startedDoc.RootElement.TryGetProperty("failures", out var f) ? f.EnumerateArray().Select(x => x.GetRawText()).ToList() : [];
        var tasks = startedDoc.RootElement.GetProperty("tasks");
        if (tasks.GetArrayLength() == 0)
        {
            throw new ProvisionerException($"ECS did not start the one-off task: {string.Join("; ", failures)}");
        }

        var taskArn = tasks[0].GetProperty("taskArn").GetString()!;
        log.LogInformation("Started one-off task {Task} of {Component} on {Cluster}", taskArn, component, cluster);
        await WaitStoppedAsync(stack, cluster, taskArn, ct);

        var described = await AwsAsync(["ecs", "describe-tasks", "--cluster", cluster, "--tasks", taskArn, "--output", "json"], stack, ct);
        using var doc = JsonDocument.Parse(described);
        var task = doc.RootElement.GetProperty("tasks")[0];
        var container = task.GetProperty("containers").EnumerateArray().FirstOrDefault(c => c.GetProperty("name").GetString() == component);
        int? exit = container.ValueKind == JsonValueKind.Object && container.TryGetProperty("exitCode", out var e) && e.ValueKind == JsonValueKind.Number ? e.GetInt32() : null;
        var reason = task.TryGetProperty("stoppedReason", out var r) ? r.GetString() : null;
        return new EcsTask(taskArn, exit, reason, await LogsAsync(stack, component, taskArn, ct));
    }

    /// <summary>`aws ecs wait tasks-stopped` gives up after 10 minutes ("Max attempts exceeded"): repeat it until <see cref="AwsBackendOptions.TaskTimeout"/>.</summary>
    private async Task WaitStoppedAsync(StackOutputs stack, string cluster, string taskArn, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.TaskTimeout);
        try
        {
            while (true)
            {
                var wait = await runner.RunAsync(Spec(["ecs", "wait", "tasks-stopped", "--cluster", cluster, "--tasks", taskArn], stack), timeout.Token);
                if (wait.Succeeded)
                {
                    return;
                }

                if (!wait.Stderr.Contains("Max attempts exceeded", StringComparison.Ordinal))
                {
                    throw new ProvisionerException($"waiting for one-off task {taskArn} failed: {wait.Stderr.Trim()}");
                }

                log.LogDebug("Still waiting for {Task} to stop", taskArn);
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new ProvisionerException(
                $"one-off task {taskArn} did not stop within {options.TaskTimeout.TotalMinutes:0} minutes",
                hint: $"see its logs in CloudWatch ({stack[AwsOutputNames.LogGroup]}); `aws ecs stop-task --cluster {cluster} --task {taskArn}` stops it");
        }
    }

    private async Task<string> LogsAsync(StackOutputs stack, string component, string taskArn, CancellationToken ct)
    {
        var id = taskArn[(taskArn.LastIndexOf('/') + 1)..];
        try
        {
            var json = await AwsAsync(
                ["logs", "get-log-events", "--log-group-name", stack.Require(AwsOutputNames.LogGroup), "--log-stream-name", $"{OneOffTask.LogPrefix}/{component}/{id}", "--start-from-head", "--output", "json"],
                stack, ct);
            using var doc = JsonDocument.Parse(json);
            return string.Join('\n', doc.RootElement.GetProperty("events").EnumerateArray().Select(x => x.GetProperty("message").GetString()));
        }
        catch (ProvisionerException ex)
        {
            return $"(no logs: {ex.Message.Split('\n')[0]})";
        }
    }

    /// <summary>Runs an AWS CLI command; non-zero exit becomes an error with its stderr.</summary>
    public async Task<string> AwsAsync(IReadOnlyList<string> args, StackOutputs stack, CancellationToken ct)
    {
        var spec = Spec(args, stack);
        ProcessResult result;
        try
        {
            result = await runner.RunAsync(spec, ct);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw AwsCliMissing(options.AwsCli);
        }

        return result.Succeeded
            ? result.Stdout
            : throw new ProvisionerException($"`{spec.Display()}` failed with exit code {result.ExitCode}: {result.Stderr.Trim()}");
    }

    public static ProvisionerException AwsCliMissing(string executable) => new(
        $"the AWS backend runs migrations and checks as one-off ECS tasks with the AWS CLI, and `{executable}` was not found on the PATH",
        ExitCodes.Failed,
        "install AWS CLI v2 (https://docs.aws.amazon.com/cli/latest/userguide/getting-started-install.html); nothing was created");

    private ProcessSpec Spec(IReadOnlyList<string> args, StackOutputs stack)
    {
        var region = options.Region ?? stack[AwsOutputNames.Region];
        return new ProcessSpec(options.AwsCli, region is null ? args : [.. args, "--region", region]);
    }
}
