namespace Provisioner.Docker.Engine;

internal sealed class SystemOperations(DockerTransport transport) : ISystemOperations
{
    public Task<string> PingAsync(CancellationToken cancellationToken = default) =>
        transport.PingAsync(cancellationToken);

    public Task<SystemInfo> GetInfoAsync(CancellationToken cancellationToken = default) =>
        transport.GetJsonAsync<SystemInfo>(DockerRequest.Get("/info"), cancellationToken);

    public Task<VersionInfo> GetVersionAsync(CancellationToken cancellationToken = default) =>
        transport.GetJsonAsync<VersionInfo>(DockerRequest.Get("/version"), cancellationToken);

    public Task<DiskUsage> GetDiskUsageAsync(CancellationToken cancellationToken = default) =>
        transport.GetJsonAsync<DiskUsage>(DockerRequest.Get("/system/df"), cancellationToken);
}
