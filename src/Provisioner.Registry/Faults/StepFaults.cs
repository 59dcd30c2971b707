using System.Diagnostics;
using System.Globalization;
using Provisioner.Core.Tenants;

namespace Provisioner.Registry.Faults;

/// <summary>
/// A test hook at every journaled step boundary (see <see cref="StepFaultJournal"/>), off unless
/// <c>PROVISIONER_TEST_HOOKS=1</c> is set together with one of: <c>PROVISIONER_FAULT_LOG=FILE</c> (each boundary is
/// appended to FILE as "N&lt;tab&gt;label": count mode) or <c>PROVISIONER_FAULT_AT=N</c> (the process kills itself with
/// SIGKILL at the Nth boundary: no cleanup, no finally, exactly as <c>kill -9</c>). Without the first variable the others
/// are ignored, so a stray <c>PROVISIONER_FAULT_AT</c> in an operator's shell cannot kill a real run.
/// </summary>
internal sealed class StepFaults
{
    public const string HooksVariable = "PROVISIONER_TEST_HOOKS";
    public const string AtVariable = "PROVISIONER_FAULT_AT";
    public const string LogVariable = "PROVISIONER_FAULT_LOG";

    private readonly int _killAt;
    private readonly string? _log;
    private int _count;

    private StepFaults(int killAt, string? log)
    {
        _killAt = killAt;
        _log = log;
    }

    /// <summary>The journal itself when no hook is asked for (production), else the journal with the hook around it.</summary>
    public static IOperationJournal Around(IOperationJournal journal) => Around(journal, Environment.GetEnvironmentVariable);

    internal static IOperationJournal Around(IOperationJournal journal, Func<string, string?> env) =>
        FromEnvironment(env) is { } faults ? new StepFaultJournal(journal, faults) : journal;

    internal static StepFaults? FromEnvironment(Func<string, string?> env)
    {
        if (env(HooksVariable) != "1")
        {
            return null;
        }

        var at = int.TryParse(env(AtVariable), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 0;
        var log = env(LogVariable) is { Length: > 0 } file ? file : null;
        return at == 0 && log is null ? null : new StepFaults(at, log);
    }

    /// <summary>One boundary passed: recorded (count mode), and the process killed when it is the chosen one.</summary>
    public void Boundary(string label)
    {
        var n = Interlocked.Increment(ref _count);
        if (_log is not null)
        {
            File.AppendAllText(_log, string.Create(CultureInfo.InvariantCulture, $"{n}\t{label}{(n == _killAt ? "\tkilled" : "")}\n"));
        }

        if (n == _killAt)
        {
            using var self = Process.GetCurrentProcess();
            self.Kill(); // SIGKILL on Linux
            Thread.Sleep(Timeout.Infinite);
        }
    }
}
