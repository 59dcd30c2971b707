using Provisioner.Core.Tenants;

namespace Provisioner.Core.Hosts;

/// <summary>The journal's words for a tenant's move to another node: the operation, and its detail "FROM -> TO; SET".</summary>
internal static class MoveJournalNames
{
    public const string Move = "move";

    /// <summary>The step at which the app starts on the new node: from then on customers may write there.</summary>
    public const string StartStep = "start";

    public static string Detail(string from, string to, string set) => $"{from} -> {to}; {set}";

    /// <summary>The target node and backup set of a move's detail; null when it is not one.</summary>
    public static (string To, string Set)? Parse(string detail)
    {
        var arrow = detail.IndexOf(" -> ", StringComparison.Ordinal);
        var semicolon = detail.IndexOf("; ", StringComparison.Ordinal);
        return arrow < 0 || semicolon < arrow ? null : (detail[(arrow + 4)..semicolon], detail[(semicolon + 2)..]);
    }

    /// <summary>
    /// A move off <paramref name="from"/> (to <paramref name="to"/>, when given) that never ended: its process died, after
    /// its switch when the tenant is recorded on the target now.
    /// </summary>
    public static bool NeverEnded(OperationRecord operation, string from, string? to = null) =>
        operation.Kind == Move && operation.Status is JournalStatus.Running or JournalStatus.Interrupted
        && operation.Detail.StartsWith(to is null ? $"{from} -> " : Detail(from, to, ""), StringComparison.Ordinal);
}
