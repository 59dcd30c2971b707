using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Provisioner.Core.Stamps;

/// <summary>A short, stable hash of a container spec: equal specs give equal hashes on every machine and run.</summary>
internal static class StampHash
{
    public static string Of(ContainerSpec spec, IReadOnlyDictionary<string, string> labels)
    {
        var canonical = new StampHashShape.Spec(
            spec.Image,
            spec.Entrypoint,
            spec.Command,
            spec.Env.OrderBy(e => e.Key, StringComparer.Ordinal).ToList(),
            spec.Networks.Select(n => new StampHashShape.Attachment(n.Network, n.Aliases.Order(StringComparer.Ordinal).ToList())).OrderBy(n => n.Network, StringComparer.Ordinal).ToList(),
            spec.Mounts,
            spec.SecretFiles.Order(StringComparer.Ordinal).ToList(),
            spec.NanoCpus,
            spec.MemoryBytes,
            spec.Port,
            new StampHashShape.Confinement(spec.Security.Capabilities, spec.Security.Tmpfs, spec.Security.User, spec.Security.PidsLimit),
            labels.OrderBy(l => l.Key, StringComparer.Ordinal).ToList());
        var text = JsonSerializer.Serialize(canonical, StampHashJson.Default.Spec);
        if (spec.Bursts)
        {
            // Only a size with requests below its limits adds them: a size without them keeps the hash it always had.
            text += $"|requests:{spec.RequestNanoCpus}:{spec.RequestMemoryBytes}";
        }

        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        return Convert.ToHexStringLower(bytes)[..16];
    }
}
