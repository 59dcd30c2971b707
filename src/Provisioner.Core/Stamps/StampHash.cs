using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Provisioner.Core.Stamps;

/// <summary>A short, stable hash of a container spec: equal specs give equal hashes on every machine and run.</summary>
internal static class StampHash
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = false };

    public static string Of(ContainerSpec spec, IReadOnlyDictionary<string, string> labels)
    {
        var canonical = new
        {
            spec.Image,
            spec.Entrypoint,
            spec.Command,
            Env = spec.Env.OrderBy(e => e.Key, StringComparer.Ordinal).ToList(),
            Networks = spec.Networks.Select(n => new { n.Network, Aliases = n.Aliases.Order(StringComparer.Ordinal).ToList() }).OrderBy(n => n.Network, StringComparer.Ordinal).ToList(),
            spec.Mounts,
            SecretFiles = spec.SecretFiles.Order(StringComparer.Ordinal).ToList(),
            spec.NanoCpus,
            spec.MemoryBytes,
            spec.Port,
            Security = new { spec.Security.Capabilities, spec.Security.Tmpfs, spec.Security.User, spec.Security.PidsLimit },
            Labels = labels.OrderBy(l => l.Key, StringComparer.Ordinal).ToList(),
        };
        var text = JsonSerializer.Serialize(canonical, Options);
        if (spec.Bursts)
        {
            // Only a size with requests below its limits adds them: a size without them keeps the hash it always had.
            text += $"|requests:{spec.RequestNanoCpus}:{spec.RequestMemoryBytes}";
        }

        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        return Convert.ToHexStringLower(bytes)[..16];
    }
}
