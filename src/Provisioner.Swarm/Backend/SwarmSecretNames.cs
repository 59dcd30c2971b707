using System.Security.Cryptography;
using System.Text;

namespace Provisioner.Swarm.Backend;

/// <summary>
/// Swarm secrets are immutable, so each value gets its own name: <c>t-acme-db_password-1a2b3c4d5e</c> (a hash of the tenant,
/// name and value, which says nothing about the value). The file inside the task keeps the plain name.
/// </summary>
internal static class SwarmSecretNames
{
    public static string For(string tenant, string name, string value)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{tenant}\n{name}\n{value}")))[..10];
        return $"t-{tenant}-{name}-{hash}";
    }
}
