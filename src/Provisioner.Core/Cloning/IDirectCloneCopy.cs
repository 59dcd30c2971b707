using Provisioner.Core.Backups;

namespace Provisioner.Core.Cloning;

/// <summary>A direct copy under way (<see cref="IDirectClone.BeginAsync"/>): SOURCE locked until it is disposed.</summary>
internal interface IDirectCloneCopy : IAsyncDisposable
{
    /// <summary>Waits for SOURCE's side, then copies SOURCE's data beside NEW's own (masked when asked); nothing of NEW's live data changes.</summary>
    Task<SourceCopy> StageAsync(CancellationToken ct);
}
