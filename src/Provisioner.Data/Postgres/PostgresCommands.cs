using Provisioner.Core.Backends;
using Provisioner.Core.Data;
using Provisioner.Core.Errors;
using Provisioner.Core.Templates;

namespace Provisioner.Data.Postgres;

/// <summary>psql inside the database component (local socket, peer authentication: no port, no password), through the backend.</summary>
internal sealed class PostgresCommands(DataTarget target)
{
    private readonly IComponentExec _exec = target.Backend.Require<IComponentExec>("run a command inside a component (PostgreSQL data)");

    private IComponentStreams Streams => target.Backend.Require<IComponentStreams>("stream a dump out of a component or a restore into it (PostgreSQL data)");

    public string Database => target.Data["database"]!;

    public string User => target.Data["user"] ?? "postgres";

    public string Component => target.Component.Name;

    public async Task<string> QueryAsync(string database, string sql, CancellationToken ct) =>
        (await RunAsync(["psql", "-X", "-v", "ON_ERROR_STOP=1", "-d", database, "-tAc", sql], "psql", ct)).Trim();

    public Task<string> ExecuteAsync(string database, string sql, string what, CancellationToken ct) =>
        RunAsync(["psql", "-X", "-v", "ON_ERROR_STOP=1", "-d", database, "-c", sql], what, ct);

    /// <summary>
    /// A template's mask on <paramref name="database"/> (through <paramref name="host"/>, a socket folder, when given): SQL as one
    /// transaction, or the mask's command with <c>PGHOST</c>/<c>PGDATABASE</c> naming it.
    /// </summary>
    public Task<string> MaskAsync(MaskSpec mask, string database, string? host, CancellationToken ct)
    {
        if (mask.Sql is { } sql)
        {
            return RunAsync(["psql", "-X", "-v", "ON_ERROR_STOP=1", .. Host(host), "-d", database, "-c", sql], "mask", ct);
        }

        IReadOnlyList<string> env = host is null ? ["env", $"PGDATABASE={database}"] : ["env", $"PGHOST={host}", $"PGDATABASE={database}"];
        return RunAsync([.. env, .. mask.Command!], $"mask command {mask.Command![0]}", ct);
    }

    private static IReadOnlyList<string> Host(string? host) => host is null ? [] : ["-h", host];

    public Task<CommandResult> DumpAsync(Stream output, CancellationToken ct) =>
        Streams.ExecToStreamAsync(target.Tenant, Component, ["pg_dump", "--no-password", "--dbname", Database], User, output, ct);

    public Task<CommandResult> LoadAsync(string database, Stream input, CancellationToken ct) =>
        Streams.ExecWithInputAsync(target.Tenant, Component, ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "--single-transaction", "-d", database], User, input, ct);

    public Task DropAsync(string database) =>
        ExecuteAsync("postgres", $"drop database if exists {Ident(database)} with (force)", $"drop {database}", CancellationToken.None);

    public static string Ident(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    public static string Tail(string text)
    {
        // One line: psql's ERROR, HINT and CONTEXT lines joined, so the whole error stays on the line that starts "Error:".
        var t = string.Join("; ", text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return t.Length > 400 ? "..." + t[^400..] : t;
    }

    /// <summary>Runs <paramref name="command"/> in the component as the data user (standard input from <paramref name="stdin"/> when given); its output, or an error naming <paramref name="what"/>.</summary>
    public async Task<string> RunAsync(IReadOnlyList<string> command, string what, CancellationToken ct, Stream? stdin = null)
    {
        var result = stdin is null
            ? await _exec.ExecAsync(target.Tenant, Component, command, User, ct)
            : await Streams.ExecWithInputAsync(target.Tenant, Component, command, User, stdin, ct);
        return result.Succeeded
            ? result.Stdout
            : throw new ProvisionerException($"{what} in {target.Tenant}'s {Component} failed (exit {result.ExitCode}): {Tail(result.Stderr)}");
    }
}
