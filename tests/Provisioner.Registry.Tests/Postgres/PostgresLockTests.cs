using System.Diagnostics;
using Provisioner.Core.Errors;
using Provisioner.Core.Tenants;
using Provisioner.Registry.Postgres;
using Provisioner.Registry.Tests.Support;
using Xunit.Abstractions;

namespace Provisioner.Registry.Tests.Postgres;

/// <summary>What only advisory locks do: they die with their session or process, stale holder rows are ignored, a lost lock stops writes.</summary>
[Trait("Category", "Integration")]
public sealed class PostgresLockTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly PostgresUnderTest _store = new();

    public Task InitializeAsync() => _store.InitializeAsync();

    public Task DisposeAsync() => _store.DisposeAsync().AsTask();

    [Fact]
    public async Task Acquire_HolderProcessKilled9_LockFreedAtOnce()
    {
        var locks = _store.OpenPeer().Locks;
        locks.Acquire("tenant warm-up", "provision").Dispose();
        using var psql = Psql();
        await psql.StandardInput.WriteLineAsync($"select pg_advisory_lock({AdvisoryKey.For("tenant acme")});"); // then idle, as a holder is
        await psql.StandardInput.FlushAsync();
        var refusal = await RefusedAsync(locks, "tenant acme");
        Assert.Contains("tenant acme is locked by psql (registry session ", refusal.Message); // no holder row: named from the server's session

        psql.Kill(); // SIGKILL
        var clock = Stopwatch.StartNew();
        // Freed by the closed connection, not by a TCP keepalive (minutes): AcquireWithinAsync fails if it takes longer
        // than this loose bound (a loaded CI machine); the figure is printed (about 0.1-0.3 s on a quiet machine).
        using var taken = await AcquireWithinAsync(locks, "tenant acme", TimeSpan.FromSeconds(30));

        output.WriteLine($"the lock was taken {clock.Elapsed.TotalMilliseconds:0} ms after kill -9 of its holder");
    }

    [Fact]
    public async Task Acquire_HolderSessionEnded_LockFreedAtOnce()
    {
        using var held = _store.OpenPeer().Locks.Acquire("tenant acme", "provision");
        var other = _store.OpenPeer().Locks;
        Assert.Throws<LockHeldException>(() => other.Acquire("tenant acme", "destroy"));

        await TestPostgres.ExecuteAsync(_store.Registry!, "select pg_terminate_backend(backend_pid) from lock_holders where resource = 'tenant acme'");

        using var taken = await AcquireWithinAsync(other, "tenant acme", TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task Acquire_StaleHolderRowOfADeadProcess_IsNeitherObstacleNorNamed()
    {
        _store.Open().Locks.Acquire("tenant warm-up", "provision").Dispose();
        await TestPostgres.ExecuteAsync(
            _store.Registry!,
            $"insert into lock_holders values ('tenant acme', {AdvisoryKey.For("tenant acme")}, 'mallory', 'gone-host', 4242, 'upgrade', now() - interval '1 day', 999999)");

        using var held = _store.OpenPeer().Locks.Acquire("tenant acme", "provision");
        var e = Assert.Throws<LockHeldException>(() => _store.OpenPeer().Locks.Acquire("tenant acme", "destroy"));

        Assert.Contains($"locked by provision (pid {Environment.ProcessId} on {Environment.MachineName}", e.Message);
        Assert.DoesNotContain("4242", e.Message);
    }

    [Fact]
    public async Task Release_RemovesItsHolderRow()
    {
        _store.Open().Locks.Acquire("tenant acme", "provision").Dispose();

        Assert.Equal(0L, await TestPostgres.ScalarAsync(_store.Registry!, "select count(*) from lock_holders"));
    }

    [Fact]
    public async Task Write_AfterTheLockConnectionBroke_StopsWithAClearErrorAndWritesNothing()
    {
        var client = _store.OpenPeer();
        using var held = client.Locks.Acquire("tenant acme", "provision");
        await TestPostgres.ExecuteAsync(_store.Registry!, "select pg_terminate_backend(backend_pid) from lock_holders where resource = 'tenant acme'");

        var e = await Assert.ThrowsAsync<RegistryUnreachableException>(() => client.Registry.SaveAsync(Tenants.Of("acme")));

        Assert.Contains("the connection holding the lock on tenant acme broke, so the lock is gone); rerun the same command to converge", e.Message);
        Assert.Empty(await _store.OpenPeer().Registry.ListAsync());
    }

    /// <summary>psql on the test's database, reading SQL from stdin (its session stays open while stdin does).</summary>
    private Process Psql()
    {
        var info = new ProcessStartInfo("psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1"])
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        var url = new Uri(_store.Registry!);
        var user = url.UserInfo.Split(':', 2);
        (info.Environment["PGHOST"], info.Environment["PGPORT"], info.Environment["PGDATABASE"]) = (url.Host, url.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), url.AbsolutePath.Trim('/'));
        (info.Environment["PGUSER"], info.Environment["PGPASSWORD"]) = (Uri.UnescapeDataString(user[0]), Uri.UnescapeDataString(user[1]));
        return Process.Start(info)!;
    }

    private static async Task<LockHeldException> RefusedAsync(ILockManager locks, string resource)
    {
        for (var deadline = Stopwatch.StartNew(); ; await Task.Delay(20))
        {
            try
            {
                locks.Acquire(resource, "provision").Dispose();
                Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(60), $"nobody took {resource} within 60 s");
            }
            catch (LockHeldException e)
            {
                return e;
            }
        }
    }

    private static async Task<IDisposable> AcquireWithinAsync(ILockManager locks, string resource, TimeSpan within)
    {
        for (var deadline = Stopwatch.StartNew(); ; await Task.Delay(10))
        {
            try
            {
                return locks.Acquire(resource, "provision");
            }
            catch (LockHeldException) when (deadline.Elapsed < within)
            {
                // still held: look again
            }
        }
    }
}
