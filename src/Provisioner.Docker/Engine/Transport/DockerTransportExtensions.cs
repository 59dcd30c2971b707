namespace Provisioner.Docker.Engine;

/// <summary>The common request shapes: JSON in, JSON out, or nothing out.</summary>
internal static class DockerTransportExtensions
{
    /// <summary>Sends and reads a JSON response body.</summary>
    public static Task<T> GetJsonAsync<T>(this DockerTransport transport, DockerRequest request, CancellationToken cancellationToken) =>
        transport.SendAsync(request, DockerJson.ReadAsync<T>, cancellationToken);

    /// <summary>Sends and discards the response body; returns the status code (e.g. to tell 204 from 304).</summary>
    public static Task<int> SendAsync(this DockerTransport transport, DockerRequest request, CancellationToken cancellationToken) =>
        transport.SendAsync(request, (response, _) => Task.FromResult((int)response.StatusCode), cancellationToken);
}
