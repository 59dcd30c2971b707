namespace Provisioner.Core.Templates;

/// <summary>
/// What the template validator needs to know of one data kind: its settings, whether a path setting must be one of the
/// component's volume mounts, and whether <c>sql</c> checks can query it. Each data adapter describes itself this way.
/// </summary>
/// <param name="Name">The name templates use in <c>data.kind</c>.</param>
/// <param name="Required">Settings that must be given.</param>
/// <param name="Optional">Settings that may be given.</param>
/// <param name="PathSetting">A setting that must be the mount path of one of the component's volumes, if any.</param>
/// <param name="Queryable">Whether <c>sql</c> health checks can run against it.</param>
public sealed record DataKindRules(string Name, IReadOnlySet<string> Required, IReadOnlySet<string> Optional, string? PathSetting, bool Queryable);
