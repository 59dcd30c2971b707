namespace Provisioner.Core.Templates;

/// <summary>
/// The Linux capabilities a template may add back. Only the file-ownership and user-switching ones an image needs to
/// drop to its own user pass; each dangerous one is refused with the reason (each is a way out of the container or
/// into its neighbours).
/// </summary>
internal static class Capabilities
{
    private static readonly HashSet<string> Allowed = new(StringComparer.Ordinal)
    {
        "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "SETGID", "SETUID", "SETPCAP", "SETFCAP", "NET_BIND_SERVICE", "SYS_CHROOT", "AUDIT_WRITE",
    };

    private static readonly Dictionary<string, string> Dangerous = new(StringComparer.Ordinal)
    {
        ["ALL"] = "it is every capability, root on the engine host in all but name",
        ["SYS_ADMIN"] = "it mounts file systems and escapes the container",
        ["NET_ADMIN"] = "it reconfigures the network, past the tenant's isolation",
        ["NET_RAW"] = "it forges packets and spoofs neighbours on the network",
        ["SYS_PTRACE"] = "it reads and changes other processes' memory",
        ["SYS_MODULE"] = "it loads kernel modules",
        ["SYS_RAWIO"] = "it reads and writes devices and kernel memory directly",
        ["SYS_TIME"] = "it sets the engine host's clock",
        ["SYS_BOOT"] = "it reboots the engine host",
        ["SYS_RESOURCE"] = "it lifts the kernel's resource limits",
        ["SYS_NICE"] = "it starves the neighbours' processes",
        ["SYS_PACCT"] = "it switches process accounting on the host",
        ["SYS_TTY_CONFIG"] = "it reconfigures the host's terminals",
        ["DAC_READ_SEARCH"] = "it opens host files by handle, past the container's root",
        ["BPF"] = "it loads programs into the kernel",
        ["PERFMON"] = "it observes the kernel and other processes",
        ["MKNOD"] = "it creates device files",
        ["LINUX_IMMUTABLE"] = "it changes immutable files",
        ["IPC_LOCK"] = "it locks memory the neighbours need",
        ["IPC_OWNER"] = "it bypasses shared-memory permissions",
        ["MAC_ADMIN"] = "it changes the mandatory access control",
        ["MAC_OVERRIDE"] = "it bypasses the mandatory access control",
        ["SYSLOG"] = "it reads the kernel's log",
        ["AUDIT_CONTROL"] = "it changes the kernel's audit rules",
        ["AUDIT_READ"] = "it reads the kernel's audit log",
        ["WAKE_ALARM"] = "it wakes the host",
        ["BLOCK_SUSPEND"] = "it keeps the host from suspending",
        ["LEASE"] = "it takes leases on files it does not own",
        ["CHECKPOINT_RESTORE"] = "it checkpoints and restores other processes",
    };

    /// <summary>The capability without a <c>CAP_</c> prefix, upper case (<c>cap_chown</c> → <c>CHOWN</c>).</summary>
    public static string Normalize(string name)
    {
        var upper = name.Trim().ToUpperInvariant();
        return upper.StartsWith("CAP_", StringComparison.Ordinal) ? upper[4..] : upper;
    }

    /// <summary>Why <paramref name="name"/> (normalized) may not be added, or null when it may.</summary>
    public static string? Problem(string name) =>
        Allowed.Contains(name) ? null
        : Dangerous.TryGetValue(name, out var why) ? $"{name} is not allowed: {why} (allowed: {string.Join(", ", Allowed.Order(StringComparer.Ordinal))})"
        : $"{name} is not a Linux capability a template may add (allowed: {string.Join(", ", Allowed.Order(StringComparer.Ordinal))})";
}
