using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace Provisioner.Data.Archive;

/// <summary>
/// The checksum of the files in a <c>.tar.gz</c>, computed here the way <see cref="ArchiveScripts"/> computes it over a live
/// folder: one <c>sha256sum</c> line (<c>HEX  ./path</c>) per regular file, sorted by path bytes, then the sha256 of those lines.
/// </summary>
internal static class ArchiveChecksum
{
    public static async Task<string> OfAsync(string archive, CancellationToken ct)
    {
        var lines = new List<(byte[] Path, string Line)>();
        var byPath = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var file = File.OpenRead(archive);
        await using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new TarReader(gzip);
        while (await reader.GetNextEntryAsync(copyData: false, ct) is { } entry)
        {
            var name = Normalize(entry.Name);
            string? hash = entry.EntryType switch
            {
                TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile =>
                    entry.DataStream is null ? Hex(SHA256.HashData([])) : Hex(await SHA256.HashDataAsync(entry.DataStream, ct)),
                TarEntryType.HardLink => byPath.GetValueOrDefault(Normalize(entry.LinkName)),
                _ => null,
            };
            if (hash is null)
            {
                continue;
            }

            byPath[name] = hash;
            lines.Add((Encoding.UTF8.GetBytes(name), $"{hash}  {name}\n"));
        }

        lines.Sort((a, b) => a.Path.AsSpan().SequenceCompareTo(b.Path));
        return Hex(SHA256.HashData(Encoding.UTF8.GetBytes(string.Concat(lines.Select(l => l.Line)))));
    }

    private static string Normalize(string name) => name.StartsWith("./", StringComparison.Ordinal) ? name : "./" + name.TrimStart('/');

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
