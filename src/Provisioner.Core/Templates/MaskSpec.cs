namespace Provisioner.Core.Templates;

/// <summary>
/// How a data component's copy is masked before a clone is handed out (<c>data: { ..., mask: { sql: "..." } }</c>): SQL run
/// as one transaction on the copy while it is still staged beside the clone's empty database, so the clone never serves the
/// unmasked rows. Only a data kind that answers queries (postgres) takes one.
/// </summary>
public sealed record MaskSpec(string Sql);
