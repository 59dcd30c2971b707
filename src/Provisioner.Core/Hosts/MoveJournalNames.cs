namespace Provisioner.Core.Hosts;

/// <summary>The journal's words for a tenant's move to another node: the operation, and its detail "FROM -> TO; SET".</summary>
internal static class MoveJournalNames
{
    public const string Move = "move";

    public static string Detail(string from, string to, string set) => $"{from} -> {to}; {set}";

    /// <summary>The target node and backup set of a move's detail; null when it is not one.</summary>
    public static (string To, string Set)? Parse(string detail)
    {
        var arrow = detail.IndexOf(" -> ", StringComparison.Ordinal);
        var semicolon = detail.IndexOf("; ", StringComparison.Ordinal);
        return arrow < 0 || semicolon < arrow ? null : (detail[(arrow + 4)..semicolon], detail[(semicolon + 2)..]);
    }
}
