namespace Provisioner.Data.Archive;

/// <summary>
/// The shell run (with the volume mounted) to measure, checksum, archive and restore a folder of files. POSIX sh,
/// coreutils/findutils/tar/gzip (or busybox). The checksum is the sha256 of the <c>sha256sum</c> lines of every regular
/// file, by path in byte order, so it can be recomputed from the archive (<see cref="ArchiveChecksum"/>).
/// </summary>
internal static class ArchiveScripts
{
    /// <summary>A restore is unpacked here (inside the volume) and checked before it replaces the live files.</summary>
    public const string Staging = ".provision-restore";

    private const string Sums = "find . -path ./" + Staging + " -prune -o -type f -print0 | LC_ALL=C sort -z | xargs -0 -r sha256sum | sha256sum | cut -d' ' -f1";

    public static IReadOnlyList<string> Size(string path) => Sh(path, "du -sb . | cut -f1");

    public static IReadOnlyList<string> Checksum(string path) => Sh(path, Sums);

    public static IReadOnlyList<string> Pack(string path) => Sh(path, $"tar --exclude=./{Staging} -czf - .");

    /// <summary>Unpacks stdin into the staging folder and prints the checksum of what was unpacked.</summary>
    public static IReadOnlyList<string> Unpack(string path) =>
        Sh(path, $"rm -rf {Staging} && mkdir {Staging} && tar -xzf - -C {Staging} && cd {Staging} && {Sums}");

    /// <summary>Replaces the live files with the staged ones (everything but the staging folder goes first).</summary>
    public static IReadOnlyList<string> Swap(string path) =>
        Sh(path, $"find . -mindepth 1 -maxdepth 1 ! -name {Staging} -exec rm -rf {{}} + && find {Staging} -mindepth 1 -maxdepth 1 -exec mv {{}} . \\; && rmdir {Staging}");

    public static IReadOnlyList<string> Discard(string path) => Sh(path, $"rm -rf {Staging}");

    private static IReadOnlyList<string> Sh(string path, string script) => ["sh", "-c", "set -e; cd \"$1\"; " + script, "sh", path];
}
