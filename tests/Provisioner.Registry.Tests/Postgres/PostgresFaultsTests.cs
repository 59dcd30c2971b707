using Provisioner.Core.Errors;
using Provisioner.Registry.Tests.Support;

namespace Provisioner.Registry.Tests.Postgres;

/// <summary>A registry that cannot be reached, or refuses the login, is one line naming host:port, never the password.</summary>
public sealed class PostgresFaultsTests
{
    [Fact]
    public async Task List_NothingListensThere_UnreachableNamingHostAndPort()
    {
        using var stores = RegistryFactory.Open(Path.GetTempPath(), "postgres://ops:hunter2@127.0.0.1:1/team", TimeProvider.System);

        var e = await Assert.ThrowsAsync<RegistryUnreachableException>(() => stores.Registry.ListAsync());

        Assert.StartsWith("registry at 127.0.0.1:1 is unreachable (", e.Message);
        Assert.EndsWith("; rerun the same command to converge", e.Message);
        Assert.DoesNotContain("hunter2", e.ToString());
        Assert.Equal(ExitCodes.Failed, e.ExitCode);
    }

    [Fact]
    public void Acquire_NothingListensThere_UnreachableRatherThanLocked()
    {
        using var stores = RegistryFactory.Open(Path.GetTempPath(), "postgres://ops:hunter2@127.0.0.1:1/team", TimeProvider.System);

        var e = Assert.Throws<RegistryUnreachableException>(() => stores.Locks.Acquire("tenant acme", "provision"));

        Assert.Contains("127.0.0.1:1", e.Message);
    }

    [Fact]
    [Trait("Category", "Integration")]
    public async Task List_WrongPassword_RefusedLoginWithoutThePassword()
    {
        var admin = new Uri(TestPostgres.AdminUrl);
        using var stores = RegistryFactory.Open(Path.GetTempPath(), $"postgres://provision:wrong-hunter2@{admin.Host}:{admin.Port}/postgres", TimeProvider.System);

        var e = await Assert.ThrowsAsync<ProvisionerException>(() => stores.Registry.ListAsync());

        Assert.Equal($"registry at {admin.Host}:{admin.Port} refused the login of provision (password authentication failed for user \"provision\")", e.Message);
        Assert.DoesNotContain("hunter2", e.Message + e.Hint);
    }

    [Fact]
    [Trait("Category", "Integration")]
    public async Task List_DatabaseMissing_SaysHowToCreateIt()
    {
        var url = TestPostgres.UrlOf(TestPostgres.AdminUrl, "provision_nosuch_db");
        using var stores = RegistryFactory.Open(Path.GetTempPath(), url, TimeProvider.System);

        var e = await Assert.ThrowsAsync<ProvisionerException>(() => stores.Registry.ListAsync());

        Assert.StartsWith("registry database 'provision_nosuch_db' does not exist at ", e.Message);
        Assert.StartsWith("create it once for the team, e.g. `createdb -h ", e.Hint);
    }
}
