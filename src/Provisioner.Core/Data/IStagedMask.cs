namespace Provisioner.Core.Data;

/// <summary>
/// A data adapter that can mask a staged copy (<see cref="IStagedRestore.StageAsync"/>) before it is swapped in, so a clone
/// never serves the unmasked data.
/// </summary>
public interface IStagedMask
{
    /// <summary>Runs <paramref name="mask"/> on the staged copy (SQL as one transaction); a failure leaves it staged and unmasked (discard it).</summary>
    Task MaskStagedAsync(DataTarget target, Templates.MaskSpec mask, CancellationToken ct);
}
