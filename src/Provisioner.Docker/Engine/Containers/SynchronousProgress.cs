namespace Provisioner.Docker.Engine;

/// <summary>
/// An <see cref="IProgress{T}"/> that reports on the caller's thread, before the reporting call returns. Docker.DotNet's
/// progress overloads (stats, events, image load) otherwise report through <see cref="Progress{T}"/>, whose callbacks
/// can run after the awaited call has returned.
/// </summary>
internal sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
