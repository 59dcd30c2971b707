namespace Provisioner.Tests.Faults;

/// <summary>One cell of the kill matrix: the operation killed at boundary <see cref="Boundary"/> and what the rerun left.</summary>
internal sealed record KillMatrixRow(string Operation, int Boundary, string Label, string Outcome)
{
    public const string Converged = "converged";

    public bool Green => Outcome.StartsWith(Converged, StringComparison.Ordinal);

    public override string ToString() => $"{Operation,-10} {Boundary,3}  {Label,-55} {Outcome}";
}
