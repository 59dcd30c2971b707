using Provisioner.Core.Templates;

namespace Provisioner.Core.Stamps;

/// <summary>
/// What <see cref="StampHash"/> hashes, as JSON: these property names and this order are the hash (changing either
/// replaces every tenant's containers on their next converge; <c>StampHashTests</c> pins it).
/// </summary>
internal static class StampHashShape
{
    internal sealed record Spec(
        string Image,
        IReadOnlyList<string>? Entrypoint,
        IReadOnlyList<string>? Command,
        List<KeyValuePair<string, string>> Env,
        List<Attachment> Networks,
        IReadOnlyList<VolumeMount> Mounts,
        List<string> SecretFiles,
        long NanoCpus,
        long MemoryBytes,
        PortBinding? Port,
        Confinement Security,
        List<KeyValuePair<string, string>> Labels);

    internal sealed record Attachment(string Network, List<string> Aliases);

    internal sealed record Confinement(IReadOnlyList<string> Capabilities, IReadOnlyList<string> Tmpfs, string? User, int PidsLimit);
}
