using System.Text;
using Docker.DotNet;
using Docker.DotNet.Models;
using Provisioner.Core.Errors;
using Provisioner.Core.Secrets;
using Provisioner.Core.Stamps;
using Provisioner.Docker.Engine;

namespace Provisioner.Docker.Backend;

/// <summary>
/// Secrets on a tmpfs at <c>/run/secrets</c>, never in a layer on disk. The engine's archive upload cannot write into a
/// container with a read-only root (nor into a stopped container's tmpfs), so the container starts behind a small wait
/// (<c>sh</c> until <c>/run/secrets/.ready</c> exists, then the image's own entrypoint), and each secret is written
/// after start by an exec as the container's user, through stdin: mode 0400, owned by that user, never in env, labels,
/// the create request, a command line or logs.
/// </summary>
internal static class SecretDelivery
{
    /// <summary>Written after the last secret; the wait ends when it exists.</summary>
    public const string ReadyMarker = ".ready";

    private const string WaitScript = "until [ -e \"$0\" ]; do sleep 0.05; done; exec \"$@\"";
    private const string WriteScript = "umask 0377 && rm -f \"$1\" && cat > \"$1\"";
    private const int Attempts = 5;

    /// <summary>The command that waits for the secrets, then runs <paramref name="entrypoint"/> with <paramref name="command"/>.</summary>
    public static List<string> WaitingEntrypoint(IEnumerable<string> entrypoint, IEnumerable<string> command) =>
        ["/bin/sh", "-c", WaitScript, $"{StampBuilder.SecretsDirectory}/{ReadyMarker}", .. entrypoint, .. command];

    /// <summary>
    /// Mount options of the secrets tmpfs: owned by a numeric <paramref name="user"/> (uid and gid), else by root. The
    /// engine copies the image's folder mode onto a tmpfs (0755 in the shipped images); the files are 0400 either way. A
    /// user known only by name cannot write a root-owned folder: such a component needs a numeric <c>user:</c>.
    /// </summary>
    public static string TmpfsOptions(string? user) => $"mode=0700{NumericUser.MountOptions(user)},size=1m";

    /// <summary>Writes each secret, then the ready marker, into the running container <paramref name="id"/>.</summary>
    public static async Task DeliverAsync(IExecOperations exec, string id, string container, IReadOnlyList<string> names, TenantSecrets secrets, CancellationToken ct)
    {
        foreach (var name in names)
        {
            await WriteAsync(exec, id, container, name, Encoding.UTF8.GetBytes(secrets[name]), ct);
        }

        await WriteAsync(exec, id, container, ReadyMarker, [], ct);
    }

    /// <summary>
    /// Whether the running container <paramref name="container"/> has its secrets. One the engine restarted on its own
    /// (its restart policy, an engine restart) starts with an empty tmpfs and waits for them; null when it is not running.
    /// Read from the engine's process list (<c>/top</c>, the host's <c>ps</c>: no process started in the container, which a
    /// small size's CPU quota would slow): the wait's <c>sh</c> is there until the marker exists, then it has exec'd the
    /// entrypoint. Where the engine cannot list processes, an exec looks for the marker itself.
    /// </summary>
    public static async Task<bool?> IsDeliveredAsync(IDockerClient docker, string container, CancellationToken ct)
    {
        try
        {
            var top = await docker.Containers.ListProcessesAsync(container, new ContainerListProcessesParameters(), ct);
            var cmd = top.Titles?.IndexOf("CMD") ?? -1;
            if (cmd >= 0 && top.Processes is not null)
            {
                return !top.Processes.Any(p => p.Count > cmd && IsWaiting(p[cmd]));
            }
        }
        catch (Exception e) when (EngineErrorMapping.IsConflict(e) || EngineErrorMapping.IsNotFound(e))
        {
            return null; // not running (or restarting): a start delivers them
        }
        catch (DockerApiException)
        {
            // The engine could not list processes (no ps on its host): look inside instead.
        }

        try
        {
            var probe = await ExecRunner.RunAsync(docker.Exec, container, new ExecRequest { Cmd = ["test", "-e", $"{StampBuilder.SecretsDirectory}/{ReadyMarker}"] }, ct);
            return probe.ExitCode == 0;
        }
        catch (Exception e) when (EngineErrorMapping.IsConflict(e) || EngineErrorMapping.IsNotFound(e))
        {
            return null; // not running (or restarting): a start delivers them
        }
    }

    /// <summary>Whether a process's command line (as <c>ps</c> shows it) is the wait for the secrets itself (not an init that started it).</summary>
    internal static bool IsWaiting(string commandLine) => commandLine.StartsWith($"/bin/sh -c {WaitScript} ", StringComparison.Ordinal);

    private static async Task WriteAsync(IExecOperations exec, string id, string container, string name, byte[] value, CancellationToken ct)
    {
        var path = $"{StampBuilder.SecretsDirectory}/{name}";
        for (var attempt = 1; ; attempt++)
        {
            using var stdin = new MemoryStream(value, writable: false);
            var request = new ExecRequest { Cmd = ["/bin/sh", "-c", WriteScript, "deliver-secret", path], Stdin = stdin };
            ExecResult result;
            try
            {
                result = await ExecRunner.RunAsync(exec, id, request, ct);
            }
            catch (DockerApiException) when (attempt < Attempts)
            {
                // A container that has only just started can refuse its first exec for a moment.
                await Task.Delay(TimeSpan.FromMilliseconds(100 * attempt), ct);
                continue;
            }

            if (result.ExitCode == 0)
            {
                return;
            }

            if (attempt >= Attempts)
            {
                throw new ProvisionerException(
                    $"could not deliver {path} to {container} (exit {result.ExitCode}): {result.Stderr.Trim()}",
                    hint: "the image needs /bin/sh, and the container's user must be able to write its own tmpfs at /run/secrets");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100 * attempt), ct);
        }
    }
}
