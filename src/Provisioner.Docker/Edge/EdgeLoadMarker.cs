using System.Security.Cryptography;
using System.Text;
using Provisioner.Core.Edge;

namespace Provisioner.Docker.Edge;

/// <summary>
/// What this state folder last loaded into the edge: its container, that container's start time and the config's hash,
/// in <c>&lt;Home&gt;/edge/&lt;name&gt;-loaded</c> (0600). A converged rerun whose config (computed from the engine's route
/// labels) is the one loaded into the same, still running container skips the load (an exec of <c>caddy reload</c>) and
/// the CA export. Any other load (a route taken out, a forced reload) forgets it first; a restarted container does not match.
/// </summary>
internal sealed class EdgeLoadMarker(EdgeOptions edge)
{
    private readonly string _file = Path.Combine(Path.GetDirectoryName(edge.CaFile)!, $"{edge.Name}-loaded");

    public bool Matches(string container, string startedAt, string config)
    {
        try
        {
            return File.Exists(_file) && File.ReadAllText(_file) == Line(container, startedAt, config);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    public void Record(string container, string startedAt, string config)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(_file)!);
            var partial = $"{_file}.{Environment.ProcessId}.partial";
            var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var writer = new StreamWriter(partial, options))
            {
                writer.Write(Line(container, startedAt, config));
            }

            File.Move(partial, _file, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Only an optimisation: the next converge loads again.
        }
    }

    public void Forget()
    {
        try
        {
            File.Delete(_file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Not removable: a converge may then skip a load until the container restarts or the routes change.
        }
    }

    private static string Line(string container, string startedAt, string config) =>
        $"{container} {startedAt} {Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(config)))}";
}
