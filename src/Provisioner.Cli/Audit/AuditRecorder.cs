using System.CommandLine;
using System.Diagnostics;
using Provisioner.Core.Audit;
using Provisioner.Core.Errors;

namespace Provisioner.Cli.Audit;

/// <summary>Runs a mutating command and records who ran it, with what, when, for how long and how it ended.</summary>
internal static class AuditRecorder
{
    /// <param name="note">Read when the command has ended: a note the entry carries after the command line (a forced freeze), or null.</param>
    public static async Task<int> RunAsync(ParseResult parse, IProvisioner provisioner, Action<string> warn, Func<Task<int>> body, Func<string?>? note = null)
    {
        var at = DateTimeOffset.UtcNow;
        var started = Stopwatch.GetTimestamp();
        try
        {
            var code = await body();
            await RecordAsync(parse, provisioner, warn, at, started, code, null, note?.Invoke());
            return code;
        }
        catch (Exception e)
        {
            var code = e is ProvisionerException p ? p.ExitCode : ExitCodes.Failed;
            var error = e is OperationCanceledException ? "cancelled" : e.Message.Split('\n')[0];
            await RecordAsync(parse, provisioner, warn, at, started, code, error, note?.Invoke());
            throw;
        }
    }

    private static async Task RecordAsync(ParseResult parse, IProvisioner provisioner, Action<string> warn, DateTimeOffset at, long started, int code, string? error, string? note)
    {
        var entry = new AuditEntry(
            at, Environment.UserName, Environment.MachineName, AuditCommandLine.Of(parse.Tokens.Select(t => t.Value)) + (note is null ? "" : $"  [{note}]"), TenantOf(parse),
            code, error, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        try
        {
            await provisioner.RecordAuditAsync(entry, CancellationToken.None);
        }
        catch (Exception e) when (e is ProvisionerException or IOException or InvalidOperationException or System.Data.Common.DbException)
        {
            warn($"warning: the audit log did not record this command: {e.Message.Split('\n')[0]}");
        }
    }

    /// <summary>The tenant the command names (its <c>name</c> argument), if any.</summary>
    private static string? TenantOf(ParseResult parse) =>
        parse.CommandResult.Command.Arguments.FirstOrDefault(a => a.Name is "name" or "tenant") switch
        {
            Argument<string> required => parse.GetValue(required),
            _ => null,
        };
}
