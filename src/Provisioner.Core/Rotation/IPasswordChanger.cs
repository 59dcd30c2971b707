namespace Provisioner.Core.Rotation;

/// <summary>What a rotation does to a tenant's running components: set the role's password, deliver the secret file, try a password.</summary>
internal interface IPasswordChanger
{
    /// <summary>Sets the role's password in the database (new connections only: open ones keep working). Idempotent.</summary>
    Task SetPasswordAsync(string tenant, RotatableSecret secret, string password, CancellationToken ct);

    /// <summary>Replaces <c>/run/secrets/&lt;secret&gt;</c> in the running <paramref name="component"/> atomically (a reader sees the old or the new file, never none).</summary>
    Task DeliverAsync(string tenant, string component, string secret, string value, CancellationToken ct);

    /// <summary>Whether <paramref name="password"/> logs the role in over TCP (password authentication, not the local trust socket).</summary>
    Task<bool> AuthenticatesAsync(string tenant, RotatableSecret secret, string password, CancellationToken ct);
}
