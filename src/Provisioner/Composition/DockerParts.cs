using Microsoft.Extensions.Logging;
using Provisioner.Core.Backends;
using Provisioner.Core.Capacity;
using Provisioner.Core.Errors;
using Provisioner.Docker.Backend;
using Provisioner.Docker.Capacity;
using Provisioner.Docker.Edge;
using Provisioner.Docker.Engine;

namespace Provisioner.Composition;

/// <summary>One Docker engine: its client, the backend on it and its capacity observer.</summary>
internal sealed class DockerParts(DockerEngine engine, Core.Edge.EdgeOptions? edge, string? owner, ILoggerFactory loggers) : IDisposable
{
    public static BackendKind Kind => DockerBackend.BackendKind;

    public ITenantBackend Backend { get; } = new DockerBackend(engine, new DockerBackendOptions { Edge = edge, Owner = owner }, loggers.CreateLogger<DockerBackend>());

    /// <summary>The shared edge proxy on this engine; null when it is off.</summary>
    public EdgeProxy? Edge { get; } = edge is null ? null : new EdgeProxy(engine.Client, edge, loggers.CreateLogger<EdgeProxy>());

    public IHostObserver HostObserver() => new DockerHostObserver(engine, Backend.Host, loggers.CreateLogger<DockerHostObserver>());

    /// <summary>The owner label of a registry: a short hash of where it is (the same for every operator of a shared one).</summary>
    public static string OwnerOf(string registryDescription) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(registryDescription)))[..12];

    public static DockerParts Create(string endpoint, string? tls, Core.Edge.EdgeOptions? edge, string? owner, ILoggerFactory loggers)
    {
        try
        {
            return new DockerParts(DockerEngineFactory.Create(Options(endpoint, tls), loggers.CreateLogger<DockerEngine>()), edge, owner, loggers);
        }
        catch (ArgumentException e)
        {
            throw new BadInputException(
                $"engine address '{endpoint}' is not usable: {OneLine(e.Message)}",
                "the README's Configuration says how to name an engine (engine:, engineTls:, DOCKER_HOST)");
        }
    }

    /// <summary>Engine options for an address and an optional TLS folder (null keeps the docker CLI's environment default).</summary>
    public static DockerEngineOptions Options(string endpoint, string? tls) => EngineTls.Options(endpoint, tls);

    /// <summary>The problems of an options' error on one line (the factory lists them one per line).</summary>
    public static string OneLine(string message) =>
        string.Join("; ", message.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(line => !line.StartsWith("Invalid Docker engine options", StringComparison.Ordinal))
            .Select(line => line.TrimStart('-', ' ').Replace(" (Parameter 'options')", "", StringComparison.Ordinal)));

    public void Dispose() => engine.Dispose();
}
