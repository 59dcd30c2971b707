using System.Text.Json.Serialization;

namespace Provisioner.Docker.Engine;

/// <summary>A container's host-side configuration: limits, mounts, ports, restart policy, security. Used in create and inspect.</summary>
public sealed record HostConfig
{
    /// <summary>CPU quota in billionths of a CPU (0.5 CPU = 500_000_000). 0 = unlimited.</summary>
    [JsonPropertyName("NanoCpus")]
    public long NanoCpus { get; init; }

    /// <summary>Memory limit in bytes. 0 = unlimited.</summary>
    [JsonPropertyName("Memory")]
    public long Memory { get; init; }

    /// <summary>Memory + swap limit in bytes; equal to <see cref="Memory"/> disables swap; -1 = unlimited swap.</summary>
    [JsonPropertyName("MemorySwap")]
    public long MemorySwap { get; init; }

    /// <summary>Maximum number of processes; null or 0 (or -1) = unlimited.</summary>
    [JsonPropertyName("PidsLimit")]
    public long? PidsLimit { get; init; }

    /// <summary>Bind mounts as <c>host-path:container-path[:ro]</c> or <c>volume:container-path</c>.</summary>
    [JsonPropertyName("Binds")]
    public IReadOnlyList<string>? Binds { get; init; }

    /// <summary>Mounts (volume, bind, tmpfs).</summary>
    [JsonPropertyName("Mounts")]
    public IReadOnlyList<Mount>? Mounts { get; init; }

    /// <summary>Published ports: container port (<c>8080/tcp</c>) → host bindings.</summary>
    [JsonPropertyName("PortBindings")]
    public IReadOnlyDictionary<string, IReadOnlyList<PortBinding>>? PortBindings { get; init; }

    /// <summary>What the engine does when the container exits.</summary>
    [JsonPropertyName("RestartPolicy")]
    public RestartPolicy? RestartPolicy { get; init; }

    /// <summary>Network mode: a network name, <c>none</c>, <c>host</c>, <c>container:&lt;id&gt;</c>. Default: the engine's <c>bridge</c>.</summary>
    [JsonPropertyName("NetworkMode")]
    public string? NetworkMode { get; init; }

    /// <summary>Run the engine's init as PID 1 (reaps zombies, forwards signals).</summary>
    [JsonPropertyName("Init")]
    public bool? Init { get; init; }

    /// <summary>Mount the container's root filesystem read-only.</summary>
    [JsonPropertyName("ReadonlyRootfs")]
    public bool ReadonlyRootfs { get; init; }

    /// <summary>Capabilities to drop, e.g. <c>ALL</c>.</summary>
    [JsonPropertyName("CapDrop")]
    public IReadOnlyList<string>? CapDrop { get; init; }

    /// <summary>Capabilities to add.</summary>
    [JsonPropertyName("CapAdd")]
    public IReadOnlyList<string>? CapAdd { get; init; }

    /// <summary>Security options, e.g. <c>no-new-privileges</c>.</summary>
    [JsonPropertyName("SecurityOpt")]
    public IReadOnlyList<string>? SecurityOpt { get; init; }

    /// <summary>Logging driver; null = the engine's default.</summary>
    [JsonPropertyName("LogConfig")]
    public LogConfig? LogConfig { get; init; }

    /// <summary>Extra <c>/etc/hosts</c> entries as <c>host:ip</c>.</summary>
    [JsonPropertyName("ExtraHosts")]
    public IReadOnlyList<string>? ExtraHosts { get; init; }
}
