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

    /// <summary>Copies <paramref name="source"/>'s data beside <paramref name="name"/>'s own (masked when asked); nothing of NEW's live data changes.</summary>
    Task<SourceCopy> StageAsync(string source, string name, bool mask, IProgress<string>? progress, CancellationToken ct);

    /// <summary>Stops NEW, swaps the staged copies in, starts it and gates its health.</summary>
    Task<RestoreResult> SwapAsync(string name, SourceCopy copy, long operation, IProgress<string>? progress, CancellationToken ct);
}
