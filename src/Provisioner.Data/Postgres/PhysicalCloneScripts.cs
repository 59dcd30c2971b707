namespace Provisioner.Data.Postgres;

/// <summary>
/// The shell run inside a PostgreSQL component (as its database user, <c>$PGDATA</c> from the image) for a physical clone:
/// the copy is unpacked into <c>$PGDATA.clone.partial</c> beside the live cluster, verified against the backup manifest the
/// source server wrote while sending it, prepared by a private server of its own (no TCP, its own socket folder) and
/// renamed <c>$PGDATA.clone</c> when complete. The swap, run with the volume mounted while the component is stopped,
/// renames it to <c>$PGDATA</c>.
/// </summary>
internal static class PhysicalCloneScripts
{
    /// <summary>The staged copy's private server's socket folder (on the component's tmpfs).</summary>
    public const string Socket = "/tmp/provision-clone";

    /// <summary>On the source: the whole cluster as one tar on standard output, WAL included, backup manifest inside, after a fast checkpoint.</summary>
    public static readonly IReadOnlyList<string> Send = ["pg_basebackup", "--pgdata=-", "--format=tar", "--wal-method=fetch", "--checkpoint=fast", "--no-password"];

    /// <summary>
    /// Prints <c>complete</c> when a finished staged copy made the same way (<paramref name="mode"/>: masked or exact) is there;
    /// otherwise clears whatever a dead run left (a copy made the other way included) and prints <c>empty</c>.
    /// </summary>
    public static IReadOnlyList<string> Prepare(string mode) => Sh("""
        if [ -d "$P.clone" ] && [ "$(cat "$P.clone.mode" 2>/dev/null)" = "$1" ]; then echo complete; exit 0; fi
        stop_private
        rm -rf "$P.clone.partial" "$P.clone" "$P.clone.mode"
        echo empty
        """, mode);

    /// <summary>The source's copy for a clone on the same engine, a plain cluster in the source's own volume (its name under the volume).</summary>
    public static string Outgoing(string destination) => $"pgdata.clone-to-{destination}";

    /// <summary>
    /// On the source, for a clone on the same engine: a plain copy of the cluster in the source's own volume at <c>$1</c>
    /// (WAL streamed beside it through a temporary slot, so none it needs is recycled however much is written meanwhile),
    /// verified against its manifest; its size and the manifest's checksum go to <c>$1.sum</c>, written last (the copy is
    /// ready when it exists). Any copy an interrupted clone left in the volume is cleared first (the caller holds the
    /// source's lock: no other clone from it runs). A killed clone's copy goes on inside the container after the process
    /// that started it is gone, so the copy holds a lock file in the volume (<c>flock</c>, kept by its processes) and the
    /// next one waits for it to end before it clears it.
    /// </summary>
    public static IReadOnlyList<string> SendToVolume(string outgoing) => Sh("""
        O="$1"
        exec 9>"$(dirname "$O")/pgdata.clone-send.lock"
        flock 9
        rm -rf "$(dirname "$O")"/pgdata.clone-to-*
        pg_basebackup --pgdata="$O" --format=plain --wal-method=stream --checkpoint=fast --no-password
        pg_verifybackup --quiet "$O"
        sum=$(take_manifest_sum "$O")
        sync -f "$O"
        echo "$(du -sb "$O" | cut -f1) $sum" > "$O.sum.partial"
        mv "$O.sum.partial" "$O.sum"
        """, outgoing);

    /// <summary>On the source: removes its outgoing copy.</summary>
    public static IReadOnlyList<string> RemoveOutgoing(string outgoing) => Sh("""rm -rf "$1" "$1.sum" "$1.sum.partial" """, outgoing);

    /// <summary>
    /// In a helper with the source's volume mounted beside the destination's: the ready outgoing copy <c>$1</c> moved into
    /// the destination's partial copy; prints its size and checksum, or <c>missing</c> when no ready copy is there.
    /// </summary>
    public static IReadOnlyList<string> Carry(string outgoingInHelper) => Sh("""
        if [ ! -f "$1.sum" ]; then echo missing; exit 0; fi
        cp -a "$1" "$P.clone.partial"
        cat "$1.sum"
        rm -rf "$1" "$1.sum"
        """, outgoingInHelper);

    /// <summary>Unpacks standard input (the source's tar) into the partial copy.</summary>
    public static IReadOnlyList<string> Receive() => Sh("""
        mkdir -m 0700 "$P.clone.partial"
        tar -xf - -C "$P.clone.partial"
        """);

    /// <summary>Checks every file against the manifest (and the WAL it needs); prints its size in bytes and the manifest's checksum.</summary>
    public static IReadOnlyList<string> Verify() => Sh("""
        Q="$P.clone.partial"
        pg_verifybackup --quiet "$Q"
        sum=$(take_manifest_sum "$Q")
        echo "$(du -sb "$Q" | cut -f1) $sum"
        """);

    /// <summary>Starts the copy's private server (recovering to the copy's consistent point): no TCP, small buffers.</summary>
    public static IReadOnlyList<string> StartPrivate() => Sh($$"""
        rm -rf {{Socket}} && mkdir -m 0700 {{Socket}}
        pg_ctl -D "$P.clone.partial" -w -t 3600 -s -l {{Socket}}/server.log \
          -o "-c listen_addresses='' -c unix_socket_directories={{Socket}} -c shared_buffers=16MB" start \
          || { tail -n 20 {{Socket}}/server.log >&2; exit 1; }
        """);

    /// <summary>Stops the private server (a clean shutdown checkpoint), makes the copy durable and marks it complete by its name (and how it was made).</summary>
    public static IReadOnlyList<string> Finish(string mode) => Sh($$"""
        pg_ctl -D "$P.clone.partial" -w -t 3600 -s -m fast stop
        rm -rf {{Socket}}
        printf '%s\n' "$1" > "$P.clone.mode"
        sync -f "$P.clone.partial"
        mv "$P.clone.partial" "$P.clone"
        sync -f "$P.clone"
        """, mode);

    /// <summary>Deletes any staged copy (its private server stopped first).</summary>
    public static IReadOnlyList<string> Discard() => Sh("""
        stop_private
        rm -rf "$P.clone.partial" "$P.clone" "$P.clone.mode"
        """);

    /// <summary>With the volume mounted and the component stopped: the staged copy becomes the live cluster; prints <c>swapped</c> or <c>nothing</c>.</summary>
    public static IReadOnlyList<string> Swap() => Sh("""
        if [ ! -d "$P.clone" ]; then echo nothing; exit 0; fi
        rm -rf "$P.old"
        if [ -d "$P" ]; then mv "$P" "$P.old"; fi
        mv "$P.clone" "$P"
        sync -f "$P"
        rm -rf "$P.old" "$P.clone.mode"
        echo swapped
        """);

    private static IReadOnlyList<string> Sh(string script, params string[] args) =>
    [
        "bash", "-c",
        "set -euo pipefail\n" +
        "P=${PGDATA:?PGDATA is not set in this image}\n" +
        // The manifest's own checksum (what the copy was verified against); the manifest itself is then removed from the copy.
        "take_manifest_sum() { local s; s=$(sed -n 's/.*\"Manifest-Checksum\": *\"\\([0-9a-f]*\\)\".*/\\1/p' \"$1/backup_manifest\"); " +
        "[ -n \"$s\" ] || { echo 'the backup manifest has no checksum' >&2; return 1; }; rm -f \"$1/backup_manifest\"; echo \"$s\"; }\n" +
        "stop_private() { if [ -f \"$P.clone.partial/postmaster.pid\" ]; then pg_ctl -D \"$P.clone.partial\" -s -m immediate stop >/dev/null 2>&1 || true; fi; }\n" +
        script,
        "bash", .. args,
    ];
}
