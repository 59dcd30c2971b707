namespace Provisioner.Cli.Audit;

/// <summary>The commands that change a tenant, the fleet or the registry: each run is recorded in the audit log.</summary>
internal static class MutatingCommands
{
    private static readonly HashSet<string> Paths = new(StringComparer.Ordinal)
    {
        "tenant", "destroy", "upgrade", "pin", "backup", "restore", "host drain", "host activate", "registry import", "key rotate", "edge sync", "edge remove",
        "suspend", "resume", "offboard", "restore-offboarded", "purge", "expire", "reconcile", "rotate", "window", "freeze", "unfreeze", "clone",
    };

    /// <summary>The commands a fleet freeze never blocks: those that set and lift it.</summary>
    public static bool IsFreezeControl(string path) => path is "freeze" or "unfreeze";

    /// <summary>Whether the command at <paramref name="path"/> (e.g. <c>key rotate</c>) changes something.</summary>
    public static bool Contains(string path) => Paths.Contains(path);

    /// <summary>The command's path below the root: <c>host drain</c>, <c>tenant</c>.</summary>
    public static string PathOf(System.CommandLine.Command command)
    {
        var names = new List<string>();
        for (var c = command; c is not null and not System.CommandLine.RootCommand; c = c.Parents.OfType<System.CommandLine.Command>().FirstOrDefault())
        {
            names.Insert(0, c.Name);
        }

        return string.Join(' ', names);
    }
}
