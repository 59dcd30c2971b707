namespace Provisioner.Registry.Locks;

/// <summary>A held file lock: disposing closes the file, which releases the lock.</summary>
internal sealed class HeldLock(FileStream stream) : IDisposable
{
    public void Dispose() => stream.Dispose();
}
