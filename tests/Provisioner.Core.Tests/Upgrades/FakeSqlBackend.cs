using System.Text;
using Provisioner.Core.Backends;
using Provisioner.Core.Reconcile;
using Provisioner.Core.Secrets;
using Provisioner.Core.Stamps;
using Provisioner.Core.Upgrades;

namespace Provisioner.Core.Tests.Upgrades;

/// <summary>
/// A db component that answers psql and pg_dump from a script: every checksum query answers <see cref="Checksum"/>, a dump
/// writes a fixed text, a load succeeds. Every command run is recorded as one line.
/// </summary>
internal sealed class FakeSqlBackend : ITenantBackend
{
    public string Checksum { get; set; } = "2|12345";

    public List<string> Commands { get; } = [];

    public string Kind => "fake";

    public string Host => "fake";

    public Task<CommandResult> ExecAsync(string tenant, string component, IReadOnlyList<string> command, string? user, CancellationToken ct)
    {
        var line = string.Join(' ', command);
        Commands.Add(line);
        var stdout = line.Contains(DatabaseChecksum.Sql, StringComparison.Ordinal) ? Checksum
            : line.Contains("pg_get_userbyid", StringComparison.Ordinal) ? "notes"
            : "";
        return Task.FromResult(new CommandResult(0, stdout + "\n", ""));
    }

    public Task<CommandResult> ExecWithInputAsync(string tenant, string component, IReadOnlyList<string> command, string? user, Stream stdin, CancellationToken ct)
    {
        Commands.Add(string.Join(' ', command) + " < backup");
        return Task.FromResult(new CommandResult(0, "", ""));
    }

    public async Task<CommandResult> ExecToStreamAsync(string tenant, string component, IReadOnlyList<string> command, string? user, Stream stdout, CancellationToken ct)
    {
        Commands.Add(string.Join(' ', command));
        await stdout.WriteAsync(Encoding.UTF8.GetBytes("-- dump\n"), ct);
        return new CommandResult(0, "", "");
    }

    public Task<TenantObservation> ObserveAsync(string tenant, CancellationToken ct) => throw new NotSupportedException();

    public Task PreflightAsync(Stamp stamp, CancellationToken ct) => throw new NotSupportedException();

    public Task<IReadOnlyList<PlannedChange>> PlanAsync(Stamp stamp, CancellationToken ct) => throw new NotSupportedException();

    public Task<ApplyResult> ApplyAsync(Stamp stamp, TenantSecrets secrets, ApplyContext context, CancellationToken ct) => throw new NotSupportedException();

    public Task<IReadOnlyList<PlannedChange>> DestroyAsync(string tenant, bool deleteData, CancellationToken ct) => throw new NotSupportedException();

    public Task<string> GetLogsAsync(string tenant, string component, int tail, CancellationToken ct) => Task.FromResult("");
}
