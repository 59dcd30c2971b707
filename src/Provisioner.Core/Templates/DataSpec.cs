namespace Provisioner.Core.Templates;

/// <summary>
/// How a component's data is backed up, verified and restored: the data kind names an adapter (registered by the
/// composition root), its settings are that adapter's (a database name, a path...). Upgrades, rollbacks and restores
/// handle every data component of a tenant together.
/// </summary>
public sealed record DataSpec(string Kind, IReadOnlyDictionary<string, string> Settings)
{
    /// <summary>The masking step <c>provision clone</c> runs on a copy of this data, if the template declares one.</summary>
    public MaskSpec? Mask { get; init; }

    public string? this[string key] => Settings.TryGetValue(key, out var v) ? v : null;
}
