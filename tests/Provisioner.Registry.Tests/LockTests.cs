using Provisioner.Core.Errors;

namespace Provisioner.Registry.Tests;

public sealed class LockTests : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("locks-").FullName;

    public void Dispose() => Directory.Delete(_home, recursive: true);

    [Fact]
    public void Acquire_WhileHeld_ThrowsNamingTheHolder()
    {
        var locks = RegistryFactory.CreateLocks(_home, TimeProvider.System);
        using var held = locks.Acquire("tenant acme", "provision");

        var e = Assert.Throws<LockHeldException>(() => locks.Acquire("tenant acme", "destroy"));

        Assert.Equal(ExitCodes.Locked, e.ExitCode);
        Assert.Contains($"tenant acme is locked by provision (pid {Environment.ProcessId}", e.Message);
    }

    [Fact]
    public void Acquire_AfterRelease_Succeeds()
    {
        var locks = RegistryFactory.CreateLocks(_home, TimeProvider.System);
        locks.Acquire("tenant acme", "provision").Dispose();

        using var again = locks.Acquire("tenant acme", "provision");

        Assert.NotNull(again);
    }

    [Fact]
    public void Acquire_OtherTenant_IsIndependent()
    {
        var locks = RegistryFactory.CreateLocks(_home, TimeProvider.System);
        using var a = locks.Acquire("tenant a", "provision");
        using var b = locks.Acquire("tenant b", "provision");
    }
}
