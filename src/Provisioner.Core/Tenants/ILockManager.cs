namespace Provisioner.Core.Tenants;

/// <summary>Per-tenant (and fleet) locks that die with their process.</summary>
public interface ILockManager
{
    /// <summary>Takes the lock or throws <see cref="Errors.LockHeldException"/> naming the holder. Dispose to release.</summary>
    IDisposable Acquire(string resource, string purpose);
}
