using System.Globalization;
using System.Text.RegularExpressions;
using Provisioner.Core.Backends;

namespace Provisioner.Docker.Backend;

/// <summary>The engine's container states and list statuses in Core's backend-neutral terms.</summary>
internal static partial class DockerStates
{
    /// <summary><c>created, running, restarting, paused, exited, dead</c> (and <c>removing</c>) as a <see cref="ComponentState"/>.</summary>
    public static ComponentState From(string? state) => state switch
    {
        "running" => ComponentState.Running,
        "created" => ComponentState.Created,
        "restarting" => ComponentState.Restarting,
        "paused" => ComponentState.Paused,
        "exited" => ComponentState.Exited,
        "dead" or "removing" => ComponentState.Dead,
        _ => ComponentState.Unknown,
    };

    /// <summary>The exit code in a list status such as <c>Exited (137) 5 seconds ago</c>, or null.</summary>
    public static long? ExitCodeFromStatus(string? status)
    {
        var m = ExitedPattern().Match(status ?? "");
        return m.Success ? long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : null;
    }

    [GeneratedRegex(@"^Exited \((-?\d+)\)")]
    private static partial Regex ExitedPattern();
}
