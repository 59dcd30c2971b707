namespace Provisioner.Core.Capacity;

/// <summary>Disposes the wrapped object at most once, so a hold may be released early and again by a <c>using</c>.</summary>
internal sealed class OnceDisposable(IDisposable inner) : IDisposable
{
    private int _disposed;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            inner.Dispose();
        }
    }
}
