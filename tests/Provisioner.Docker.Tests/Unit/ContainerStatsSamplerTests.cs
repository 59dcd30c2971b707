using Provisioner.Docker.Engine;
using Provisioner.Docker.Tests.Fakes;

namespace Provisioner.Docker.Tests.Unit;

public sealed class ContainerStatsSamplerTests
{
    [Fact]
    public async Task SampleAsync_OneShotAnswer_SampleInHandWhenTheAwaitReturns()
    {
        var handler = new FakeEngineHandler().On(HttpMethod.Get, "containers/c1/stats", () => FakeEngineHandler.Json(
            """{"read":"2026-12-01T10:00:01Z","memory_stats":{"usage":1048576,"limit":134217728},"cpu_stats":{"cpu_usage":{"total_usage":300},"system_cpu_usage":2000,"online_cpus":2},"precpu_stats":{"cpu_usage":{"total_usage":100},"system_cpu_usage":1000,"online_cpus":2}}"""));
        using var engine = FakeEngine.Create(handler);

        var sample = await ContainerStatsSampler.SampleAsync(engine.Client.Containers, "c1", CancellationToken.None);

        Assert.NotNull(sample);
        Assert.Equal(1048576UL, sample.MemoryStats!.Usage);
        Assert.Equal(0.4, Capacity.DockerHostObserver.CpuCores(sample), 6);
        Assert.Equal("stream=0", Assert.Single(handler.Requests).Query);
    }
}
