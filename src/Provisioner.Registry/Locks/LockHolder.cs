namespace Provisioner.Registry.Locks;

/// <summary>Who holds a lock, written beside it so a refused caller can say who to wait for.</summary>
internal sealed record LockHolder(int Pid, string Purpose, string Machine, DateTimeOffset Since);
