using System.Security.Cryptography;
using System.Text;

namespace Provisioner.Registry.Postgres;

/// <summary>
/// The 64-bit key of PostgreSQL's advisory lock for a resource name (<c>tenant acme</c>, <c>fleet upgrade</c>,
/// <c>capacity local</c>): the first 8 bytes of SHA-256 of the name, so every client derives the same key.
/// </summary>
internal static class AdvisoryKey
{
    /// <summary>Held (per transaction) while the schema is migrated.</summary>
    public static readonly long Migration = For("provision:schema-migration");

    /// <summary>Held (per transaction) while a port is chosen, so two clients never take the same one.</summary>
    public static readonly long Ports = For("provision:ports");

    /// <summary>Held (per transaction) while an export is imported.</summary>
    public static readonly long Import = For("provision:import");

    public static long For(string resource) =>
        BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("provision lock:" + resource)), 0);

    /// <summary>How <c>pg_locks</c> shows a bigint key: <c>classid</c> is its high half, <c>objid</c> its low half.</summary>
    public static (long High, long Low) Halves(long key) => ((uint)(key >> 32), (uint)key);
}
