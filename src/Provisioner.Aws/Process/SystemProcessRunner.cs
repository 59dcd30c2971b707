using System.Diagnostics;
using System.Text;

namespace Provisioner.Aws.Process;

/// <summary>Runs programs with <see cref="System.Diagnostics.Process"/>: ArgumentList (no shell), stdout streamed line by line.</summary>
internal sealed class SystemProcessRunner : IProcessRunner
{
    public async Task<ProcessResult> RunAsync(ProcessSpec spec, CancellationToken ct)
    {
        var info = new ProcessStartInfo(spec.FileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = spec.WorkingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var a in spec.Arguments)
        {
            info.ArgumentList.Add(a);
        }

        foreach (var (k, v) in spec.Environment)
        {
            info.Environment[k] = v;
        }

        using var process = new System.Diagnostics.Process { StartInfo = info };
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        var outDone = new TaskCompletionSource();
        var errDone = new TaskCompletionSource();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                outDone.TrySetResult();
                return;
            }

            stdout.AppendLine(e.Data);
            spec.OnStdoutLine?.Invoke(e.Data);
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                errDone.TrySetResult();
                return;
            }

            stderr.AppendLine(e.Data);
        };

        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (spec.StandardInput is { } input)
        {
            await process.StandardInput.WriteAsync(input);
        }

        process.StandardInput.Close();
        try
        {
            await process.WaitForExitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            // Kill only the child this runner started (and its children); a stack lock it leaves is reported as StackLocked next time.
            process.Kill(entireProcessTree: true);
            throw;
        }

        await Task.WhenAll(outDone.Task, errDone.Task);
        return new ProcessResult(process.ExitCode, stdout.ToString(), stderr.ToString());
    }
}
