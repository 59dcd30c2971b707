using System.Formats.Tar;
using System.Text;
using Provisioner.Core.Secrets;
using Provisioner.Core.Stamps;

namespace Provisioner.Docker.Backend;

/// <summary>
/// Builds the tar uploaded into a created (not yet started) container: <c>/run/secrets/&lt;name&gt;</c>, mode 0444 like
/// swarm secrets. The values travel over the engine socket only: never in env, labels or the create request.
/// </summary>
internal static class SecretArchive
{
    public static MemoryStream Build(IReadOnlyList<string> names, TenantSecrets secrets)
    {
        var buffer = new MemoryStream();
        using (var tar = new TarWriter(buffer, TarEntryFormat.Pax, leaveOpen: true))
        {
            var dir = StampBuilder.SecretsDirectory.TrimStart('/');
            tar.WriteEntry(new PaxTarEntry(TarEntryType.Directory, dir.Split('/')[0] + "/") { Mode = (UnixFileMode)0b111_101_101 });
            tar.WriteEntry(new PaxTarEntry(TarEntryType.Directory, dir + "/") { Mode = (UnixFileMode)0b111_101_101 });
            foreach (var name in names)
            {
                var entry = new PaxTarEntry(TarEntryType.RegularFile, $"{dir}/{name}")
                {
                    Mode = UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead,
                    DataStream = new MemoryStream(Encoding.UTF8.GetBytes(secrets[name])),
                };
                tar.WriteEntry(entry);
            }
        }

        buffer.Position = 0;
        return buffer;
    }
}
