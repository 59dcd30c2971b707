namespace Provisioner.Core.Drift;

/// <summary>The kinds of difference <c>provision drift</c> reports, as they appear in its table and JSON.</summary>
public static class DriftKind
{
    /// <summary>A container, network or volume of the stamp is not on the engine (removed by hand).</summary>
    public const string Missing = "missing";

    /// <summary>A long-running container exists but does not run (killed, an engine crash or a host reboot).</summary>
    public const string Stopped = "stopped";

    /// <summary>A container of the stamp's name is not the one the stamp made (made by hand, or its spec differs).</summary>
    public const string Replaced = "replaced";

    /// <summary>A container's CPU, memory or process limit differs from its size (<c>docker update</c>).</summary>
    public const string Limits = "limits";

    /// <summary>A container runs another image than its template names.</summary>
    public const string Image = "image";

    /// <summary>A container was taken off a network of its stamp (<c>docker network disconnect</c>): an entry off its edge network is unreachable.</summary>
    public const string Detached = "detached";

    /// <summary>A one-off job's container is missing or did not finish (a rerun runs it again).</summary>
    public const string Job = "job";

    /// <summary>A resource carries the tenant's labels but its stamp has no such resource.</summary>
    public const string Unknown = "unknown";

    /// <summary>The registry has the tenant, the engine has nothing of it.</summary>
    public const string Nothing = "nothing";

    /// <summary>Resources labelled with a tenant this registry made but no longer has.</summary>
    public const string Unregistered = "unregistered";

    /// <summary>Compute (containers, networks) of a destroyed or suspended tenant, which should have none.</summary>
    public const string Leftover = "leftover";
}
