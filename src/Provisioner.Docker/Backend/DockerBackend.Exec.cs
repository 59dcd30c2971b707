using Provisioner.Core.Backends;
using Provisioner.Core.Stamps;
using Provisioner.Docker.Engine;

namespace Provisioner.Docker.Backend;

/// <summary>Commands inside a tenant's running component, and stopping one component (capabilities Core asks for).</summary>
internal sealed partial class DockerBackend
{
    public Task<CommandResult> ExecAsync(string tenant, string component, IReadOnlyList<string> command, string? user, CancellationToken ct) =>
        RunAsync(tenant, component, new ExecRequest { Cmd = command, User = user }, ct);

    public Task<CommandResult> ExecWithInputAsync(
        string tenant, string component, IReadOnlyList<string> command, string? user, Stream stdin, CancellationToken ct) =>
        RunAsync(tenant, component, new ExecRequest { Cmd = command, User = user, Stdin = stdin }, ct);

    public Task<CommandResult> ExecToStreamAsync(
        string tenant, string component, IReadOnlyList<string> command, string? user, Stream stdout, CancellationToken ct) =>
        RunAsync(tenant, component, new ExecRequest { Cmd = command, User = user, StdoutSink = stdout }, ct);

    public Task StopComponentAsync(string tenant, string component, CancellationToken ct) => Guard(() =>
        IgnoreMissing(() => StopAsync(StampNames.Container(tenant, component), options.StopTimeoutSeconds, ct)), ct);

    private Task<CommandResult> RunAsync(string tenant, string component, ExecRequest request, CancellationToken ct) => Guard(async () =>
    {
        var result = await ExecRunner.RunAsync(_docker.Exec, StampNames.Container(tenant, component), request, ct);
        return new CommandResult(result.ExitCode, result.Stdout, result.Stderr);
    }, ct);
}
