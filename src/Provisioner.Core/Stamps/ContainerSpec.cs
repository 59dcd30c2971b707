namespace Provisioner.Core.Stamps;

/// <summary>How to run one container: image, command, environment (never secrets), networks, mounts, limits, confinement.</summary>
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
}
