namespace Provisioner.Core.Templates;

/// <summary>
/// How a data component's copy is masked before a clone is handed out, on the copy while it is still staged (the clone never
/// serves the unmasked rows): either <see cref="Sql"/> (<c>mask: { sql: "..." }</c>), run as one transaction as the database
/// superuser, or <see cref="Command"/> (<c>mask: { command: [...] }</c>), run inside the data component as its data user with
/// <c>PGHOST</c> and <c>PGDATABASE</c> naming the staged copy (a script the image carries, <c>psql -f</c>, a masking tool).
/// Exactly one is set. Only a data kind that answers queries (postgres) takes one.
/// </summary>
public sealed record MaskSpec(string? Sql, IReadOnlyList<string>? Command = null)
{
    /// <summary>What it runs, for messages.</summary>
    public override string ToString() => Sql is not null ? "sql mask" : $"command mask ({string.Join(' ', Command ?? [])})";
}
