namespace Provisioner.Core.Capacity;

/// <summary>
/// The answer to "can we take this customer?": <see cref="Fits"/> with the <see cref="Placements"/>, or not, with the
/// <see cref="Binding"/> resource, the <see cref="Reason"/> and what would turn it into a yes (<see cref="Suggestion"/>).
/// </summary>
public sealed record CapacityVerdict(
    bool Fits,
    string Size,
    int Count,
    string? Customer,
    string TemplateRef,
    IReadOnlyList<Placement> Placements,
    ResourceKind? Binding,
    string Reason,
    string? Suggestion)
{
    /// <summary>One line a salesperson can read: "YES: ..." or "NO: ...".</summary>
    public string Headline => (Fits ? "YES" : "NO") + ": " + Reason;
}
