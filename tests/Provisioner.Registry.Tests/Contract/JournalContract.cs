using Provisioner.Core.Tenants;
using Provisioner.Registry.Tests.Support;

namespace Provisioner.Registry.Tests.Contract;

/// <summary>The operation journal: what every registry store must do (run against SQLite and PostgreSQL).</summary>
public abstract class JournalContract : StoreContract
{
    [Fact]
    public async Task Journal_RecordsStepsAndKeepsOwnRunningOperation()
    {
        var journal = Store.OpenRegistry().Journal;
        var op = await journal.BeginAsync("acme", "provision", "notes@1.1.0");
        var step = await journal.StepAsync(op, "create network", "t-acme-internal");
        await journal.EndStepAsync(step, JournalStatus.Done);

        Assert.Equal(0, await journal.MarkInterruptedAsync("acme")); // this process's own: still running
        await journal.EndAsync(op, JournalStatus.Succeeded);

        var ops = await journal.ListAsync("acme", 10);
        Assert.Equal(JournalStatus.Succeeded, Assert.Single(ops).Status);
        Assert.Equal(("create network", JournalStatus.Done, 1), (ops[0].Steps[0].Name, ops[0].Steps[0].Status, ops[0].Steps[0].Seq));
        Assert.Equal(Environment.ProcessId, ops[0].Pid);
    }

    [Fact]
    public async Task End_WithAStepStillRunning_EndsTheStepTheSameWay()
    {
        var journal = Store.OpenRegistry().Journal;
        var op = await journal.BeginAsync("acme", "provision", "notes@1.1.0");
        await journal.StepAsync(op, "reserve", "secrets and entry port");
        var running = await journal.StepAsync(op, "create container", "t-acme-db");

        await journal.EndAsync(op, JournalStatus.Failed, "db: image missing");

        var recorded = Assert.Single(await journal.ListAsync("acme", 10));
        Assert.Equal(("failed", "db: image missing"), (recorded.Status, recorded.Error));
        Assert.All(recorded.Steps, s => Assert.Equal(JournalStatus.Failed, s.Status));
        Assert.Equal(running, recorded.Steps[^1].Id);
        Assert.NotNull(recorded.FinishedAt);
    }

    [Fact]
    public async Task MarkInterrupted_OperationOfAProcessThatDied_IsInterruptedWithItsRunningStep()
    {
        var stores = Store.Open();
        await stores.ImportAsync(new StringReader(ExportFiles.With(ExportFiles.RunningOperation("acme", pid: 999_999))), "dead.jsonl");

        Assert.Equal(1, await stores.Registry.Journal.MarkInterruptedAsync("acme"));

        var op = Assert.Single(await stores.Registry.Journal.ListAsync("acme", 10));
        Assert.Equal(JournalStatus.Interrupted, op.Status);
        Assert.Equal([("reserve", JournalStatus.Done), ("create container", JournalStatus.Interrupted)], op.Steps.Select(s => (s.Name, s.Status)));
        Assert.Equal(0, await stores.Registry.Journal.MarkInterruptedAsync("acme"));
    }

    [Fact]
    public async Task List_NewestFirst_LimitedAndPerTenant()
    {
        var journal = Store.OpenRegistry().Journal;
        foreach (var (tenant, kind) in new[] { ("a", "provision"), ("b", "provision"), ("a", "upgrade"), ("a", "destroy") })
        {
            await journal.EndAsync(await journal.BeginAsync(tenant, kind, ""), JournalStatus.Succeeded);
        }

        Assert.Equal(["destroy", "upgrade"], (await journal.ListAsync("a", 2)).Select(o => o.Kind));
        Assert.Equal(["a", "a", "b", "a"], (await journal.ListAsync(null, 10)).Select(o => o.Tenant));
        Assert.Empty(await journal.ListAsync("nobody", 10));
    }
}
