using Provisioner.Core.Errors;
using Provisioner.Core.Tenants;

namespace Provisioner.Core.Tests.Capacity;

/// <summary>In-memory locks: a held resource throws <see cref="LockHeldException"/> like the file locks do.</summary>
internal sealed class FakeLocks : ILockManager
{
    public HashSet<string> Held { get; } = [];

    public List<string> Taken { get; } = [];

    public IDisposable Acquire(string resource, string purpose)
    {
        if (!Held.Add(resource))
        {
            throw new LockHeldException(resource, "another test");
        }

        Taken.Add(resource);
        return new Release(() => Held.Remove(resource));
    }

    private sealed class Release(Action release) : IDisposable
    {
        public void Dispose() => release();
    }
}
