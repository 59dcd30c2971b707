namespace Provisioner.Core.Data;

/// <summary>
/// A data adapter that copies one tenant's data straight into another tenant's component of the same template (the same
/// kind and server version), without a backup file between them: <c>provision clone</c>'s fast path. Like a restore, the
/// copy is staged beside the destination's live data and prepared there; only <see cref="SwapCopyAsync"/> replaces it.
/// </summary>
public interface IDirectCopy
{
    /// <summary>Whether <paramref name="component"/> is laid out so its data can be copied this way (else the clone takes a backup).</summary>
    bool CanCopyDirectly(Templates.ComponentSpec component);

    /// <summary>
    /// Does what can be done on the source before the destination exists, so it can run while the destination is provisioned
    /// (a copy on one engine is written and verified in the source's volume); nothing where nothing can. The caller holds the
    /// source's lock until the copy is staged or discarded.
    /// </summary>
    Task PrepareSourceAsync(DataTarget source, string destination, CancellationToken ct);

    /// <summary>Removes what <see cref="PrepareSourceAsync"/> left on the source for <paramref name="destination"/>, if anything; never throws.</summary>
    Task DiscardSourceAsync(DataTarget source, string destination);

    /// <summary>
    /// Copies <paramref name="source"/>'s data (online: the source keeps serving) beside <paramref name="destination"/>'s
    /// live data, checks it, makes its logins answer to the destination's own secrets only, and runs
    /// <paramref name="mask"/> on it when given. The destination's live data is not touched; a failure leaves nothing
    /// staged. A complete staged copy a dead run left is kept and reported (<see cref="DirectCopy.Reused"/>).
    /// </summary>
    Task<DirectCopy> StageCopyAsync(DataTarget source, DataTarget destination, Templates.MaskSpec? mask, CancellationToken ct);

    /// <summary>Replaces the destination's data with its staged copy; the destination component must be stopped. No staged copy is an error.</summary>
    Task SwapCopyAsync(DataTarget destination, CancellationToken ct);

    /// <summary>Deletes a staged copy, if any (the destination component running).</summary>
    Task DiscardCopyAsync(DataTarget destination, CancellationToken ct);
}
