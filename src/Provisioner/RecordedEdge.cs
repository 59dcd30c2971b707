using System.Text.Json;
using Provisioner.Core.Edge;

namespace Provisioner;

/// <summary>
/// The edge a home's tenants are behind, remembered in <c>&lt;Home&gt;/edge/settings.json</c> (0600) by every command that
/// had the edge on: a later command whose settings name no edge (run from a folder without provisioner.yaml, say) uses it,
/// so it reaches those tenants through the edge and keeps new ones behind it. <c>provision edge remove</c> forgets it.
/// </summary>
internal static class RecordedEdge
{
    public static string PathIn(string home) => Path.Combine(home, "edge", "settings.json");

    /// <summary>The recorded edge, or null when none is (or the file cannot be read: the edge is then off, as before it was recorded).</summary>
    public static EdgeOptions? Load(string home)
    {
        try
        {
            return File.Exists(PathIn(home)) ? Core.Json.JsonDefaults.Read(File.ReadAllText(PathIn(home)), new EdgeOptions { Domain = "", CaFile = "" }, RecordedEdgeJson.Default.EdgeOptions, nameof(EdgeOptions.Domain), nameof(EdgeOptions.CaFile)) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    /// <summary>Records <paramref name="edge"/> when it differs from what is recorded (owner-only, written whole then moved into place).</summary>
    public static void Save(string home, EdgeOptions edge)
    {
        if (Load(home) == edge)
        {
            return;
        }

        var file = PathIn(home);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var partial = file + ".partial";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(partial, options))
        {
            writer.Write(JsonSerializer.Serialize(edge, RecordedEdgeJson.Default.EdgeOptions));
        }

        File.Move(partial, file, overwrite: true);
    }

    /// <summary>Forgets the recorded edge when it is <paramref name="name"/>.</summary>
    public static void Forget(string home, string name)
    {
        if (Load(home) is { } recorded && recorded.Name == name)
        {
            File.Delete(PathIn(home));
        }
    }
}
