namespace Provisioner.Core.Data;

/// <summary>
/// A data adapter whose restore comes in two halves, so several components can be restored all or nothing: every one is
/// staged (loaded beside its live data and checked) before any is swapped in.
/// </summary>
public interface IStagedRestore
{
    /// <summary>
    /// Loads the backup at <paramref name="path"/> beside the live data and checks it against <paramref name="expectedChecksum"/>.
    /// The live data is not touched; on failure nothing staged is left and the error says the live data was kept.
    /// </summary>
    Task StageAsync(DataTarget target, string path, string expectedChecksum, CancellationToken ct);

    /// <summary>Replaces the live data with the staged copy (a rename or a move; fast). Its writers must be stopped.</summary>
    Task SwapAsync(DataTarget target, CancellationToken ct);

    /// <summary>Deletes a staged copy, if any (a restore that failed elsewhere, or one a dead process left).</summary>
    Task DiscardAsync(DataTarget target, CancellationToken ct);
}
