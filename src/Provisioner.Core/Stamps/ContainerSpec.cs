namespace Provisioner.Core.Stamps;

/// <summary>How to run one container: image, command, environment (never secrets), networks, mounts, limits.</summary>
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
    PortBinding? Port);
