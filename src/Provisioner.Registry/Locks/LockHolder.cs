namespace Provisioner.Registry.Locks;

/// <summary>Who holds a lock, written beside it (or in the shared registry) so a refused caller can say who to wait for.</summary>
internal sealed record LockHolder(int Pid, string Purpose, string Machine, DateTimeOffset Since, string? User = null)
{
    /// <summary>The holder as the current process would be recorded.</summary>
    public static LockHolder Current(string purpose, DateTimeOffset since) =>
        new(Environment.ProcessId, purpose, Environment.MachineName, since, Environment.UserName);

    /// <summary><c>provision (pid 4242 on build-7, user alice, since 2026-12-01 09:30:00Z)</c>, as the refusal names it.</summary>
    public override string ToString() =>
        $"{Purpose} (pid {Pid} on {Machine}{(string.IsNullOrEmpty(User) ? "" : $", user {User}")}, since {Since.ToUniversalTime():u})";
}
