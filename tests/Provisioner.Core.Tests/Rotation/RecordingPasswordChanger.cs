using Provisioner.Core.Rotation;

namespace Provisioner.Core.Tests.Rotation;

/// <summary>
/// A database and the secret files of a tenant's components, in memory: the role's password, each component's file, and
/// every call in order. <see cref="FailAt"/> makes one call throw (as a kill there would stop the run) once.
/// </summary>
internal sealed class RecordingPasswordChanger : IPasswordChanger
{
    public string? Password { get; set; }

    public Dictionary<string, string> Files { get; } = new(StringComparer.Ordinal);

    public List<string> Calls { get; } = [];

    /// <summary>The call (e.g. <c>set-password</c>, <c>deliver app</c>, <c>login</c>) that throws once.</summary>
    public string? FailAt { get; set; }

    public Task SetPasswordAsync(string tenant, RotatableSecret secret, string password, CancellationToken ct)
    {
        Record("set-password");
        Password = password;
        return Task.CompletedTask;
    }

    public Task DeliverAsync(string tenant, string component, string secret, string value, CancellationToken ct)
    {
        Record($"deliver {component}");
        Files[component] = value;
        return Task.CompletedTask;
    }

    public Task<bool> AuthenticatesAsync(string tenant, RotatableSecret secret, string password, CancellationToken ct)
    {
        Record("login");
        return Task.FromResult(password == Password);
    }

    private void Record(string call)
    {
        Calls.Add(call);
        if (call == FailAt)
        {
            FailAt = null;
            throw new InvalidOperationException($"killed at {call}");
        }
    }
}
