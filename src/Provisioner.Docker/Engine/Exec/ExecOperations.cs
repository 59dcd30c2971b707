using System.Net.Sockets;
using System.Text;

namespace Provisioner.Docker.Engine;

/// <summary>
/// Create → start (attached, no TTY) → read the multiplexed output to its end → inspect for the exit code.
/// Without stdin the start goes through HttpClient (the engine answers 200 and streams until it closes the
/// connection); with stdin it uses a hijacked raw connection so our side can be half-closed at end of input.
/// </summary>
internal sealed class ExecOperations(DockerTransport transport) : IExecOperations
{
    private static readonly TimeSpan ExitCodePollInterval = TimeSpan.FromMilliseconds(25);
    private const int ExitCodePollAttempts = 200;

    public async Task<ExecResult> RunAsync(string containerId, ExecCreateParameters parameters, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters.Cmd is not { Count: > 0 })
        {
            throw new ArgumentException("The command must not be empty.", nameof(parameters));
        }

        var execId = await CreateAsync(containerId, parameters, cancellationToken).ConfigureAwait(false);
        using var collected = new MemoryStream();
        using var stderr = new MemoryStream();
        var stdout = parameters.StdoutSink ?? collected;
        var start = DockerRequest.PostJson($"/exec/{DockerPath.Segment(execId, nameof(execId))}/start", new ExecStartRequest())
            with { ClientTimeout = Timeout.InfiniteTimeSpan };

        if (parameters.Stdin is { } stdin)
        {
            await transport.SendHijackedAsync(
                start,
                (connection, token) => PumpAsync(connection, stdin, stdout, stderr, token),
                cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await transport.SendAsync(
                start,
                async (response, token) =>
                {
                    var body = await response.Content.ReadAsStreamAsync(token).ConfigureAwait(false);
                    await using (body.ConfigureAwait(false))
                    {
                        await StreamDemultiplexer.CopyAsync(body, stdout, stderr, token).ConfigureAwait(false);
                    }

                    return true;
                },
                cancellationToken).ConfigureAwait(false);
        }

        var exitCode = await GetExitCodeAsync(execId, cancellationToken).ConfigureAwait(false);
        return new ExecResult(exitCode, Decode(collected), Decode(stderr));
    }

    private async Task<string> CreateAsync(string containerId, ExecCreateParameters parameters, CancellationToken cancellationToken)
    {
        var body = new ExecCreateRequest
        {
            AttachStdin = parameters.Stdin is not null,
            Cmd = parameters.Cmd,
            Env = parameters.Env,
            User = parameters.User,
            WorkingDir = parameters.WorkingDir,
        };
        var created = await transport.GetJsonAsync<IdResponse>(
            DockerRequest.PostJson($"/containers/{DockerPath.Segment(containerId, nameof(containerId))}/exec", body),
            cancellationToken).ConfigureAwait(false);
        return created.Id;
    }

    private static async Task<bool> PumpAsync(
        HijackedConnection connection, Stream stdin, Stream stdout, Stream stderr, CancellationToken cancellationToken)
    {
        using var stopWriting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var writer = WriteStdinAsync(connection, stdin, stopWriting.Token);
        try
        {
            await StreamDemultiplexer.CopyAsync(connection.Stream, stdout, stderr, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex) when (ex.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionReset })
        {
            // The command exited without reading all its input: the engine closed the connection with our unread
            // bytes still queued, which resets it. Everything the engine sent before is already read; the exit code
            // (inspected next) tells how the command ended.
        }
        finally
        {
            // The output ends when the command has exited. The engine then only half-closes the connection and stops
            // reading it, so input the command never read would block our writer until the engine's socket is
            // garbage-collected: stop writing instead.
            await stopWriting.CancelAsync().ConfigureAwait(false);
            await writer.ConfigureAwait(false);
        }

        return true;
    }

    /// <summary>Copies stdin, then half-closes so the engine closes the command's stdin. Never throws.</summary>
    private static async Task WriteStdinAsync(HijackedConnection connection, Stream stdin, CancellationToken stopToken)
    {
        try
        {
            await stdin.CopyToAsync(connection.Stream, stopToken).ConfigureAwait(false);
            await connection.Stream.FlushAsync(stopToken).ConfigureAwait(false);
            connection.CloseWrite();
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // The command exited (or the caller gave up) before taking all its input; the output and exit code tell the story.
        }
    }

    /// <summary>The output can end a moment before the engine records the exit code; poll briefly for it.</summary>
    private async Task<long> GetExitCodeAsync(string execId, CancellationToken cancellationToken)
    {
        var request = DockerRequest.Get($"/exec/{DockerPath.Segment(execId, nameof(execId))}/json");
        for (var attempt = 0; ; attempt++)
        {
            var inspect = await transport.GetJsonAsync<ExecInspect>(request, cancellationToken).ConfigureAwait(false);
            if (!inspect.Running && inspect.ExitCode is { } exitCode)
            {
                return exitCode;
            }

            if (attempt >= ExitCodePollAttempts)
            {
                throw new DockerException($"Exec {execId} closed its output but the engine reports no exit code after {ExitCodePollAttempts} checks.");
            }

            await Task.Delay(ExitCodePollInterval, transport.TimeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    private static string Decode(MemoryStream stream) => Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
}
