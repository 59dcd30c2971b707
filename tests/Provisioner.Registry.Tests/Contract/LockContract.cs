using System.Diagnostics;
using Provisioner.Core.Errors;
using Provisioner.Registry.Tests.Support;

namespace Provisioner.Registry.Tests.Contract;

/// <summary>Locks: what every store's lock manager must do (file locks for SQLite, advisory locks for PostgreSQL).</summary>
public abstract class LockContract : StoreContract
{
    [Fact]
    public void Acquire_WhileHeld_ThrowsExit3NamingTheHolder()
    {
        var locks = Store.Open().Locks;
        using var held = locks.Acquire("tenant acme", "provision");

        var e = Assert.Throws<LockHeldException>(() => locks.Acquire("tenant acme", "destroy"));

        Assert.Equal(ExitCodes.Locked, e.ExitCode);
        Assert.Contains($"tenant acme is locked by provision (pid {Environment.ProcessId} on {Environment.MachineName}, user {Environment.UserName}, since ", e.Message);
    }

    [Fact]
    public async Task Acquire_HeldByAnotherClient_RefusedWithoutWaiting()
    {
        using var held = Store.OpenPeer().Locks.Acquire("tenant acme", "upgrade");
        var other = Store.OpenPeer().Locks;
        other.Acquire("tenant warm-up", "provision").Dispose(); // the first use migrates and warms up, as a CLI process's start does

        // The holder never lets go in this test, so a client that waited for the lock would never return: the guard only
        // turns such a hang into a failure (it is not a speed limit; the refusal takes milliseconds).
        var attempt = Task.Run(() => other.Acquire("tenant acme", "provision"));
        var e = await Assert.ThrowsAsync<LockHeldException>(() => attempt.WaitAsync(TimeSpan.FromSeconds(60)));

        Assert.Contains("tenant acme is locked by upgrade (pid", e.Message);
    }

    [Fact]
    public void Acquire_AfterRelease_Succeeds()
    {
        var locks = Store.Open().Locks;
        locks.Acquire("tenant acme", "provision").Dispose();

        using var again = Store.OpenPeer().Locks.Acquire("tenant acme", "provision");

        Assert.NotNull(again);
    }

    [Fact]
    public void Acquire_OtherResources_AreIndependent()
    {
        var locks = Store.Open().Locks;
        using var a = locks.Acquire("tenant a", "provision");
        using var b = locks.Acquire("tenant b", "provision");
        using var fleet = locks.Acquire("fleet upgrade", "upgrade");
        using var host = Store.OpenPeer().Locks.Acquire("capacity local", "capacity check");
    }
}
