using Provisioner.Core.Backups;
using Provisioner.Core.Templates;

namespace Provisioner.Core.Cloning;

/// <summary>
/// A clone's fast path: SOURCE's data copied straight into NEW's data components, beside NEW's own (no backup file between
/// them), then swapped in. Used when every data component's adapter can (<see cref="Data.IDirectCopy"/>).
/// </summary>
internal interface IDirectClone
{
    /// <summary>Whether every data component of <paramref name="template"/> can be copied this way.</summary>
    bool Supports(ProductTemplate template);

    /// <summary>
    /// Takes SOURCE's lock and starts, in the background, what can be done on SOURCE before NEW exists (so it overlaps NEW's
    /// provisioning). The copy it returns stages the data beside NEW's own; disposing it releases SOURCE (what was not
    /// staged is discarded).
    /// </summary>
    Task<IDirectCloneCopy> BeginAsync(string source, string name, bool mask, IProgress<string>? progress, CancellationToken ct);

    /// <summary>Stops NEW, swaps the staged copies in, starts it and gates its health.</summary>
    Task<RestoreResult> SwapAsync(string name, SourceCopy copy, long operation, IProgress<string>? progress, CancellationToken ct);
}
