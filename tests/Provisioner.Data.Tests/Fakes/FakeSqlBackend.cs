using System.Text;
using Provisioner.Core.Backends;
using Provisioner.Core.Reconcile;
using Provisioner.Core.Secrets;
using Provisioner.Core.Stamps;
using Provisioner.Data.Postgres;

namespace Provisioner.Data.Tests.Fakes;

/// <summary>
/// A db component that answers psql and pg_dump from a script: a checksum query answers the checksum of the database it
/// names (<see cref="Checksums"/>; the live one by default), a dump writes a fixed text, a load succeeds. Every command is
/// recorded as one line.
/// </summary>
internal sealed class FakeSqlBackend : ITenantBackend, IComponentExec, IComponentStreams
{
    public Dictionary<string, string> Checksums { get; } = new(StringComparer.Ordinal);

    public string LiveChecksum { get; set; } = "2|12345";

    public List<string> Commands { get; } = [];

    public BackendKind Kind { get; } = BackendKind.Of("fake");

    public string Host => "fake";

    public Task<CommandResult> ExecAsync(string tenant, string component, IReadOnlyList<string> command, string? user, CancellationToken ct)
    {
        var line = string.Join(' ', command);
        Commands.Add(line);
        var database = command.SkipWhile(a => a != "-d").Skip(1).FirstOrDefault() ?? "";
        var stdout = line.Contains(DatabaseChecksum.Sql, StringComparison.Ordinal) ? Checksums.GetValueOrDefault(database, LiveChecksum)
            : line.Contains("pg_get_userbyid", StringComparison.Ordinal) ? "notes"
            : "";
        return Task.FromResult(new CommandResult(0, stdout + "\n", ""));
    }

    public async Task<CommandResult> ExecWithInputAsync(string tenant, string component, IReadOnlyList<string> command, string? user, Stream stdin, CancellationToken ct)
    {
        using var reader = new StreamReader(stdin);
        Commands.Add(string.Join(' ', command) + " < " + (await reader.ReadToEndAsync(ct)).Trim());
        return new CommandResult(0, "", "");
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
