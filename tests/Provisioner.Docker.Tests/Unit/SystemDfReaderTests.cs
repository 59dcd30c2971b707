using System.Net;
using Docker.DotNet;
using Docker.DotNet.Models;
using Provisioner.Docker.Tests.Fakes;

namespace Provisioner.Docker.Tests.Unit;

public sealed class SystemDfReaderTests
{
    private const string Api141 = """{"Volumes":[{"Name":"t-acme-pgdata","Labels":{"provisioner.tenant":"acme"},"UsageData":{"Size":4096,"RefCount":1}}]}""";

    [Fact]
    public async Task ReadVolumesAsync_Api141Answer_SizesThatTheLibraryModelMisses()
    {
        var handler = new FakeEngineHandler().On(HttpMethod.Get, "system/df", () => FakeEngineHandler.Json(Api141));
        using var engine = FakeEngine.Create(handler);

        var volumes = await engine.DiskUsage.ReadVolumesAsync(CancellationToken.None);
        var library = await engine.Client.System.GetDataUsageInfoAsync(new SytemDataUsageInfoParameters());

        Assert.Equal(4096, Assert.Single(volumes).SizeBytes);
        Assert.Null(library.VolumeUsage);
    }

    [Fact]
    public async Task ReadVolumesAsync_EngineError_DockerApiExceptionWithStatus()
    {
        var handler = new FakeEngineHandler().On(HttpMethod.Get, "system/df", () => FakeEngineHandler.Error(HttpStatusCode.InternalServerError, "a disk usage operation is already running"));
        using var engine = FakeEngine.Create(handler);

        var error = await Assert.ThrowsAsync<DockerApiException>(() => engine.DiskUsage.ReadVolumesAsync(CancellationToken.None));

        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
    }

    [Fact]
    public async Task ReadVolumesAsync_OneTransientFailure_Retried()
    {
        var attempts = 0;
        var handler = new FakeEngineHandler().On(HttpMethod.Get, "system/df", () =>
            ++attempts == 1 ? throw new HttpRequestException("Connection failed.") : FakeEngineHandler.Json(Api141));
        using var engine = FakeEngine.Create(handler);

        Assert.Single(await engine.DiskUsage.ReadVolumesAsync(CancellationToken.None));
        Assert.Equal(2, attempts);
    }
}
