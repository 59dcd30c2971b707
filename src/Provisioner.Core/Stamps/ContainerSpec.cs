namespace Provisioner.Core.Stamps;

/// <summary>
/// How to run one container: image, command, environment (never secrets), networks, mounts, confinement, and its share of the
/// size: <see cref="NanoCpus"/> and <see cref="MemoryBytes"/> are the limits (enforced), <see cref="RequestNanoCpus"/> and
/// <see cref="RequestMemoryBytes"/> what is reserved for it (default: the limits).
/// </summary>
public sealed record ContainerSpec(
    string Image,
    IReadOnlyList<string>? Entrypoint,
    IReadOnlyList<string>? Command,
    IReadOnlyDictionary<string, string> Env,
    IReadOnlyList<NetworkAttachment> Networks,
    IReadOnlyList<VolumeMount> Mounts,
    IReadOnlyList<string> SecretFiles,
    long NanoCpus,
    long MemoryBytes,
    PortBinding? Port)
{
    /// <summary>
    /// Capabilities added back after dropping all, writable tmpfs paths on the read-only root, user and process limit.
    /// Default: <see cref="Templates.SecuritySpec.Default"/>.
    /// </summary>
    public Templates.SecuritySpec Security { get; init; } = Templates.SecuritySpec.Default;

    private readonly long? _requestNanoCpus;
    private readonly long? _requestMemoryBytes;

    /// <summary>The CPU reserved for it (billionths of a core); default <see cref="NanoCpus"/>.</summary>
    public long RequestNanoCpus { get => _requestNanoCpus ?? NanoCpus; init => _requestNanoCpus = value; }

    /// <summary>The memory reserved for it; default <see cref="MemoryBytes"/>.</summary>
    public long RequestMemoryBytes { get => _requestMemoryBytes ?? MemoryBytes; init => _requestMemoryBytes = value; }

    /// <summary>True when a request is below its limit (the container may burst).</summary>
    public bool Bursts => RequestNanoCpus < NanoCpus || RequestMemoryBytes < MemoryBytes;
}
