using Provisioner.Core.Errors;
using Provisioner.Core.Tenants;

namespace Provisioner.Registry.Tests;

public sealed class RegistryTests : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("registry-").FullName;

    public void Dispose() => Directory.Delete(_home, recursive: true);

    private static TenantRecord Tenant(string name) =>
        new(name, "notes", "1.1.0", "small", "docker", "local", TenantStatus.Provisioning, null, null, [1, 2, 3], null, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow);

    [Fact]
    public async Task Save_Get_List_Delete_RoundTrip()
    {
        var registry = RegistryFactory.CreateSqlite(_home);

        await registry.SaveAsync(Tenant("acme") with { Endpoint = "http://127.0.0.1:20000" });
        await registry.SaveAsync(Tenant("beta"));
        await registry.SaveAsync(Tenant("acme") with { Status = TenantStatus.Active });

        var acme = await registry.GetAsync("acme");
        Assert.Equal(TenantStatus.Active, acme!.Status);
        Assert.Equal([1, 2, 3], acme.EncryptedSecrets);
        Assert.Equal(["acme", "beta"], (await registry.ListAsync()).Select(t => t.Name));
        await registry.DeleteAsync("acme");
        Assert.Null(await registry.GetAsync("acme"));
    }

    [Fact]
    public async Task Save_PinnedVersion_RoundTripsAndClears()
    {
        var registry = RegistryFactory.CreateSqlite(_home);

        await registry.SaveAsync(Tenant("acme") with { PinnedVersion = "1.0.0" });
        Assert.Equal("1.0.0", (await registry.GetAsync("acme"))!.PinnedVersion);
        await registry.SaveAsync((await registry.GetAsync("acme"))! with { PinnedVersion = null });

        Assert.Null((await registry.GetAsync("acme"))!.PinnedVersion);
    }

    [Fact]
    public async Task SaveWithNewPort_SkipsTakenAndBusyPorts()
    {
        var registry = RegistryFactory.CreateSqlite(_home);

        var a = await registry.SaveWithNewPortAsync(Tenant("a"), 20000, 20010, _ => true);
        var b = await registry.SaveWithNewPortAsync(Tenant("b"), 20000, 20010, p => p != 20001);

        Assert.Equal(20000, a.HostPort);
        Assert.Equal(20002, b.HostPort);
    }

    [Fact]
    public async Task SaveWithNewPort_RangeExhausted_SaysWhatToDo()
    {
        var registry = RegistryFactory.CreateSqlite(_home);
        await registry.SaveWithNewPortAsync(Tenant("a"), 20000, 20000, _ => true);

        var e = await Assert.ThrowsAsync<ProvisionerException>(() => registry.SaveWithNewPortAsync(Tenant("b"), 20000, 20000, _ => true));

        Assert.Contains("no free port", e.Message);
        Assert.Null(await registry.GetAsync("b"));
    }

    [Fact]
    public async Task Journal_RecordsStepsAndMarksOtherProcessesRunsInterrupted()
    {
        var registry = RegistryFactory.CreateSqlite(_home);
        var op = await registry.Journal.BeginAsync("acme", "provision", "notes@1.1.0");
        var step = await registry.Journal.StepAsync(op, "create network", "t-acme-internal");
        await registry.Journal.EndStepAsync(step, "done");

        Assert.Equal(0, await registry.Journal.MarkInterruptedAsync("acme")); // our own pid: still running
        await registry.Journal.EndAsync(op, "succeeded");

        var ops = await registry.Journal.ListAsync("acme", 10);
        Assert.Equal("succeeded", Assert.Single(ops).Status);
        Assert.Equal(("create network", "done"), (ops[0].Steps[0].Name, ops[0].Steps[0].Status));
    }
}
