using System.Net.Sockets;
using System.Text;
using Docker.DotNet;
using Docker.DotNet.Models;
using Provisioner.Core.Errors;

namespace Provisioner.Docker.Engine;

/// <summary>
/// Create → start (attached, no TTY) → read the multiplexed output to its end → inspect for the exit code. With stdin,
/// the input is written alongside and our side half-closed at its end. Nothing here is retried (exec is not idempotent).
/// </summary>
internal static class ExecRunner
{
    private static readonly TimeSpan ExitCodePollInterval = TimeSpan.FromMilliseconds(25);
    private const int ExitCodePollAttempts = 200;
    private static readonly TimeSpan RunningPollInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan StreamGrace = TimeSpan.FromSeconds(10);

    public static async Task<ExecResult> RunAsync(IExecOperations exec, string container, ExecRequest request, CancellationToken ct)
    {
        if (request.Cmd is not { Count: > 0 })
        {
            throw new ArgumentException("The command must not be empty.", nameof(request));
        }

        var created = await exec.CreateContainerExecAsync(container, Parameters(request), ct);
        using var collected = new MemoryStream();
        using var stderr = new MemoryStream();
        var stdout = request.StdoutSink ?? collected;
        using (var stream = await exec.StartContainerExecAsync(created.ID, new ContainerExecStartParameters { Detach = false, TTY = false }, ct))
        {
            var copy = request.Stdin is { } stdin
                ? PumpAsync(stream, stdin, stdout, stderr, ct)
                : stream.CopyOutputToAsync(Stream.Null, stdout, stderr, ct);
            await UntilOutputEndsAsync(exec, created.ID, copy, ct);
        }

        var exitCode = await ExitCodeAsync(exec, created.ID, ct);
        return new ExecResult(exitCode, Decode(collected), Decode(stderr));
    }

    /// <summary>
    /// Waits for the output to end. The engine has been seen (under load, rarely) to keep an exec's stream open after its
    /// command exited, which left `provision` waiting forever: so the exec is inspected now and then, and once its command
    /// has exited the output gets <see cref="StreamGrace"/> to end (what the command wrote is in flight by then); after
    /// that the stream is given up (disposed by the caller) and the exit code decides.
    /// </summary>
    private static async Task UntilOutputEndsAsync(IExecOperations exec, string execId, Task copy, CancellationToken ct)
    {
        while (await Task.WhenAny(copy, Task.Delay(RunningPollInterval, ct)) != copy)
        {
            ct.ThrowIfCancellationRequested();
            if ((await exec.InspectContainerExecAsync(execId, ct)).Running)
            {
                continue;
            }

            if (await Task.WhenAny(copy, Task.Delay(StreamGrace, ct)) != copy)
            {
                ct.ThrowIfCancellationRequested();
                _ = copy.ContinueWith(t => t.Exception, TaskScheduler.Default); // it fails when the stream is disposed; nobody waits for it
                return;
            }

            break;
        }

        await copy;
    }

    private static ContainerExecCreateParameters Parameters(ExecRequest request) => new()
    {
        AttachStdin = request.Stdin is not null,
        AttachStdout = true,
        AttachStderr = true,
        Cmd = [.. request.Cmd],
        Env = request.Env is null ? null! : [.. request.Env],
        User = request.User ?? "",
        WorkingDir = request.WorkingDir ?? "",
    };

    private static async Task PumpAsync(MultiplexedStream stream, Stream stdin, Stream stdout, Stream stderr, CancellationToken ct)
    {
        using var stopWriting = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var writer = WriteStdinAsync(stream, stdin, stopWriting.Token);
        try
        {
            await stream.CopyOutputToAsync(Stream.Null, stdout, stderr, ct);
        }
        catch (IOException e) when (e.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionReset })
        {
            // The command exited without reading all its input: the engine closed the connection with our unread bytes
            // still queued, which resets it. Everything sent before is read; the exit code (inspected next) tells the rest.
        }
        finally
        {
            // The output ends when the command has exited; input it never read must not keep the writer waiting.
            await stopWriting.CancelAsync();
        }

        // Reading the input failed (a damaged file): the command saw its input end early; the caller hears why.
        if (await writer is { } inputFailure)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(inputFailure);
        }
    }

    /// <summary>
    /// Copies stdin, then half-closes so the engine closes the command's stdin. Never throws: an error reading the input
    /// (not writing it) still closes the command's stdin, so it ends, and is returned to be rethrown once it has.
    /// </summary>
    private static async Task<Exception?> WriteStdinAsync(MultiplexedStream stream, Stream stdin, CancellationToken stopToken)
    {
        try
        {
            await stream.CopyFromAsync(stdin, stopToken);
            stream.CloseWrite();
            return null;
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // The command exited (or the caller gave up) before taking all its input; its output and exit code tell the story.
            return null;
        }
        catch (Exception e)
        {
            try
            {
                stream.CloseWrite();
            }
            catch (Exception closing) when (closing is IOException or SocketException or ObjectDisposedException)
            {
                // the command is gone already
            }

            return e;
        }
    }

    /// <summary>The output can end a moment before the engine records the exit code; poll briefly for it.</summary>
    private static async Task<long> ExitCodeAsync(IExecOperations exec, string execId, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var inspect = await exec.InspectContainerExecAsync(execId, ct);
            if (!inspect.Running && inspect.ExitCode is { } exitCode)
            {
                return exitCode;
            }

            if (attempt >= ExitCodePollAttempts)
            {
                throw new ProvisionerException($"Docker engine: exec {execId} closed its output but reports no exit code after {ExitCodePollAttempts} checks");
            }

            await Task.Delay(ExitCodePollInterval, ct);
        }
    }

    private static string Decode(MemoryStream stream) => Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
}
