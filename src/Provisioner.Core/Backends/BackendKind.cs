using System.Text.RegularExpressions;

namespace Provisioner.Core.Backends;

/// <summary>
/// Which kind of backend a tenant runs on, as recorded in the registry. Core knows none by name: each backend project
/// declares its own (<c>BackendKinds</c> there), so adding a backend changes no Core code.
/// </summary>
public readonly partial record struct BackendKind
{
    private BackendKind(string name) => Name = name;

    public string Name { get; }

    /// <summary>A kind from its recorded name (lowercase letters, digits and '-').</summary>
    public static BackendKind Of(string name) =>
        name is not null && Pattern().IsMatch(name) ? new BackendKind(name) : throw new ArgumentException($"'{name}' is not a backend kind name", nameof(name));

    public override string ToString() => Name ?? "";

    [GeneratedRegex("^[a-z][a-z0-9-]{0,30}$")]
    private static partial Regex Pattern();
}
