namespace Provisioner.Core.Templates;

/// <summary>
/// How tightly a component's containers are confined. Every container starts with no Linux capabilities, a read-only
/// root filesystem, no new privileges and a process limit; a template adds back only what its image needs.
/// </summary>
/// <param name="Capabilities">Capabilities added back after dropping all (e.g. <c>CHOWN</c>); only harmless ones pass the validator.</param>
/// <param name="Tmpfs">Writable in-memory paths on the read-only root (e.g. <c>/tmp</c>); volumes stay writable as well.</param>
/// <param name="User">The user the container runs as (<c>uid</c>, <c>uid:gid</c> or a name); null keeps the image's user.</param>
/// <param name="PidsLimit">At most this many processes and threads at once.</param>
public sealed record SecuritySpec(IReadOnlyList<string> Capabilities, IReadOnlyList<string> Tmpfs, string? User, int PidsLimit)
{
    /// <summary>The process limit of a component that declares none: room for a database's connections or an app's threads.</summary>
    public const int DefaultPidsLimit = 256;

    /// <summary>No capability, no writable path, the image's user, the default process limit.</summary>
    public static SecuritySpec Default { get; } = new([], [], null, DefaultPidsLimit);
}
