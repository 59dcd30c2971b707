namespace Provisioner.Core.Templates;

/// <summary>
/// How a component's data is backed up, verified and restored: the data kind names an adapter (registered by the
/// composition root), its settings are that adapter's (a database name, a path...). Upgrades, rollbacks and restores
/// handle every data component of a tenant together.
/// </summary>
public sealed record DataSpec(string Kind, IReadOnlyDictionary<string, string> Settings)
{
    public string? this[string key] => Settings.TryGetValue(key, out var v) ? v : null;
}
