using System.Text;
using Provisioner.Core.Backends;
using Provisioner.Core.Errors;
using Provisioner.Core.Stamps;

namespace Provisioner.Core.Rotation;

/// <summary>
/// <see cref="IPasswordChanger"/> through commands run inside the tenant's components. Every value travels on the
/// command's standard input: never on a command line, in the environment of a container, or in a log.
/// </summary>
internal sealed class ExecPasswordChanger(IComponentStreams streams) : IPasswordChanger
{
    /// <summary>The database superuser: local socket, peer authentication (the provisioner/postgres:15 contract).</summary>
    private const string Superuser = "postgres";

    // Written beside the file, then renamed over it: a reader sees the old file or the new one, never a missing or half one.
    private const string ReplaceScript = "umask 0377 && rm -f \"$1.rotating\" && cat > \"$1.rotating\" && mv -f \"$1.rotating\" \"$1\"";

    // TCP to 127.0.0.1 is password (scram) authentication; the password comes from stdin into PGPASSWORD of psql alone.
    private const string LoginScript = "IFS= read -r PGPASSWORD || [ -n \"$PGPASSWORD\" ]; export PGPASSWORD; exec psql -X -w -h 127.0.0.1 -U \"$1\" -d \"$2\" -tAc 'select 1'";

    public async Task SetPasswordAsync(string tenant, RotatableSecret secret, string password, CancellationToken ct)
    {
        var sql = $"alter role \"{secret.Role}\" with password '{password.Replace("'", "''", StringComparison.Ordinal)}';\n";
        using var stdin = new MemoryStream(Encoding.UTF8.GetBytes(sql), writable: false);
        var result = await streams.ExecWithInputAsync(tenant, secret.Component, ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", "postgres"], Superuser, stdin, ct);
        if (!result.Succeeded)
        {
            throw new ProvisionerException($"could not set the password of role {secret.Role} in {tenant}'s {secret.Component} (exit {result.ExitCode}): {FirstLine(result.Stderr)}");
        }
    }

    public async Task DeliverAsync(string tenant, string component, string secret, string value, CancellationToken ct)
    {
        var path = $"{StampBuilder.SecretsDirectory}/{secret}";
        using var stdin = new MemoryStream(Encoding.UTF8.GetBytes(value), writable: false);
        var result = await streams.ExecWithInputAsync(tenant, component, ["/bin/sh", "-c", ReplaceScript, "rotate-secret", path], null, stdin, ct);
        if (!result.Succeeded)
        {
            throw new ProvisionerException(
                $"could not deliver {path} to {tenant}'s {component} (exit {result.ExitCode}): {FirstLine(result.Stderr)}",
                hint: $"rerun `provision rotate {tenant}`: it finishes with the same new password");
        }
    }

    public async Task<bool> AuthenticatesAsync(string tenant, RotatableSecret secret, string password, CancellationToken ct)
    {
        using var stdin = new MemoryStream(Encoding.UTF8.GetBytes(password), writable: false);
        var result = await streams.ExecWithInputAsync(tenant, secret.Component, ["/bin/sh", "-c", LoginScript, "rotate-login", secret.Role, secret.Database], Superuser, stdin, ct);
        if (result.Succeeded && result.Stdout.Trim() == "1")
        {
            return true;
        }

        if (result.Stderr.Contains("password authentication failed", StringComparison.Ordinal))
        {
            return false;
        }

        throw new ProvisionerException($"could not try a login as {secret.Role} over TCP in {tenant}'s {secret.Component} (exit {result.ExitCode}): {FirstLine(result.Stderr)}");
    }

    private static string FirstLine(string text) => text.Trim().Split('\n')[0].Trim();
}
